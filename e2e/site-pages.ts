// Every page of the site, for each role that sees it differently: the checks that must hold on
// every page (CSP, accessibility) visit these.
import { QUESTIONS } from "../prisma/seed/article";
import { withE2eDatabase } from "./database";
import { createMemberViaApi, createThread } from "./factories";

export const ROLES = { READER: "a signed-out reader", MEMBER: "a member", MODERATOR: "a moderator", ADMIN: "an admin" } as const;
export type Role = keyof typeof ROLES;

/**
 * A member's thread with a post, a reply and a code block, so that its page and its
 * conversation's page show every kind of control; and a closed position question with its
 * closing summary (the notice, the summary, the final tally, refused controls).
 */
export async function createPagesFixture(request: Parameters<typeof createMemberViaApi>[0]) {
  const author = await createMemberViaApi(request, "auteur");
  const thread = await createThread("Un fil pour vérifier chaque page");
  const rootId = await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO posts (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Un avis **gras**.', '<p>Un avis <strong>gras</strong>.</p><pre tabindex="0"><code>${"x".repeat(200)}</code></pre>') RETURNING id`,
      [thread.id, author.id],
    );
    await db.query("INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html) VALUES ($1, $2, $3, $3, 1, 'Une réponse', '<p>Une réponse</p>')", [
      thread.id,
      author.id,
      rows[0].id,
    ]);
    return rows[0].id;
  });
  const closed = await createThread("Une question close pour vérifier chaque page", { kind: "POSITION" });
  await withE2eDatabase(async (db) => {
    await db.query("INSERT INTO posts (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Un avis final', '<p>Un avis final</p>')", [closed.id, author.id]);
    await db.query(
      "UPDATE threads SET summary = 'La synthèse.', summary_html = '<p>La synthèse.</p>', summary_at = now(), summary_by_id = $2, closed_at = now(), closed_by_id = $2 WHERE id = $1",
      [closed.id, author.id],
    );
  });
  return { threadSlug: thread.slug, rootId, profileId: author.id, closedSlug: closed.slug };
}

/** The pages a role visits: the public ones for all, then those their role opens. */
export function pagesFor(role: Role, { threadSlug, rootId, profileId, closedSlug }: Awaited<ReturnType<typeof createPagesFixture>>) {
  const pages = ["/", "/article", "/a-propos", `/t/${QUESTIONS[0].slug}`, `/t/${QUESTIONS[0].slug}/synthese`, `/t/${QUESTIONS[3].slug}`, `/t/${threadSlug}`, `/t/${threadSlug}/synthese`, `/t/${threadSlug}/c/${rootId}`, `/t/${closedSlug}?ouvrir=historique-synthese`, `/u/${profileId}`, "/moderation/journal", "/page-qui-n-existe-pas"];
  if (role === "READER") return [...pages, "/connexion", "/inscription"];
  pages.push("/compte", "/questions/nouvelle");
  if (role === "MEMBER") return pages;
  // The closed question's moderation forms, opened: closing/reopening and the summary's editor.
  pages.push("/moderation", "/moderation/log", `/t/${closedSlug}?ouvrir=synthese`, `/t/${closedSlug}?ouvrir=clore`);
  return role === "ADMIN" ? [...pages, "/admin/users"] : pages;
}

/** A signed-in visitor of that role (the reader stays signed out). */
export async function visitorFor(role: Role, request: Parameters<typeof createMemberViaApi>[0]) {
  if (role === "READER") return null;
  const visitor = await createMemberViaApi(request, role.toLowerCase());
  await withE2eDatabase((db) => db.query("UPDATE users SET role = $2 WHERE id = $1", [visitor.id, role]));
  return visitor;
}
