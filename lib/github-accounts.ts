import "server-only";
import { db } from "./db";
import { normalizeEmail } from "./schemas/user";
import { actorFields, type Actor } from "./users";

type GithubProfile = { name?: string | null; login?: string; email?: string | null } | undefined;

/**
 * The account of a GitHub identity, created at its first sign-in. Accounts are linked by GitHub
 * id only: an email that already belongs to a password account is refused (null) rather than
 * merged, since GitHub addresses are not proof of owning the Agora account.
 */
export async function linkGithubAccount(githubId: string, profile: GithubProfile): Promise<Actor | null> {
  const linked = await db.user.findUnique({ select: actorFields, where: { githubId } });
  if (linked) return linked;
  const email = normalizeEmail(profile?.email ?? `${githubId}@users.noreply.github.com`);
  if (await db.user.findUnique({ select: { id: true }, where: { email } })) return null;
  const name = (profile?.name || profile?.login || "Membre GitHub").slice(0, 40).padEnd(2, "_");
  return db.user.create({ select: actorFields, data: { email, name, githubId } });
}
