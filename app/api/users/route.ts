// POST /api/users — sign up: {"email","name","password"} → 201 {"id","name"}; 409 if the email is taken.
import { clientIp } from "@/lib/client-address";
import { route } from "@/lib/http";
import { signUpSchema } from "@/lib/schemas/user";
import { createUser } from "@/lib/users";

export const POST = route({ body: signUpSchema, status: 201 }, async ({ body, request }) => {
  const { id, name } = await createUser(body, clientIp(request.headers));
  return { id, name };
});
