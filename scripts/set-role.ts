// `npm run user:role -- <email> <role>`: gives an account the role MEMBER, MODERATOR or ADMIN.
// It runs through scripts/with-database.ts, so it works on DATABASE_URL and on the embedded
// database, whether or not the app is running. The new role applies at the user's next request.
import { z } from "zod";
import { db } from "../lib/db";
import { ROLES, emailField } from "../lib/schemas/user";
import { setRoleByEmail } from "../lib/users";

const args = z.tuple([emailField, z.enum(ROLES, { error: `Le rôle doit être ${ROLES.join(", ")}.` })]);

async function main() {
  const parsed = args.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    console.error(`Usage: npm run user:role -- <email> <${ROLES.join("|")}>\n${parsed.error.issues.map((i) => i.message).join("\n")}`);
    return 2;
  }
  const [email, role] = parsed.data;
  const user = await setRoleByEmail(email, role);
  if (!user) {
    console.error(`Aucun compte n’a l’adresse ${email}.`);
    return 1;
  }
  console.log(`${user.email} a désormais le rôle ${user.role}.`);
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .finally(() => db.$disconnect());
