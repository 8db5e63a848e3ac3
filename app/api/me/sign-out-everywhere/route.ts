// POST /api/me/sign-out-everywhere — revoke every session of the signed-in user, this one included.
import { route } from "@/lib/http";
import { signOutEverywhere } from "@/lib/users";

export const POST = route({ auth: "user", allowSuspended: true, status: 204 }, ({ actor }) => signOutEverywhere(actor));
