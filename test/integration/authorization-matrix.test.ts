// Every state-changing endpoint of the API × every kind of caller → the expected status; when
// the call is refused, nothing in the database has changed.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PATCH as changeRole } from "@/app/api/admin/users/[id]/route";
import { POST as changePassword } from "@/app/api/me/password/route";
import { POST as signOutEverywhere } from "@/app/api/me/sign-out-everywhere/route";
import { POST as moderateCredit } from "@/app/api/moderation/credits/[id]/route";
import { POST as hidePost } from "@/app/api/moderation/posts/[id]/hide/route";
import { POST as restorePost } from "@/app/api/moderation/posts/[id]/restore/route";
import { POST as resolveReport } from "@/app/api/moderation/reports/[id]/resolve/route";
import { POST as hideThread } from "@/app/api/moderation/threads/[id]/hide/route";
import { POST as closeThread } from "@/app/api/moderation/threads/[id]/close/route";
import { POST as reopenThread } from "@/app/api/moderation/threads/[id]/reopen/route";
import { POST as restoreThread } from "@/app/api/moderation/threads/[id]/restore/route";
import { PUT as writeSummary } from "@/app/api/moderation/threads/[id]/summary/route";
import { PATCH as moderateThread } from "@/app/api/moderation/threads/[id]/route";
import { POST as suspend } from "@/app/api/moderation/users/[id]/suspend/route";
import { POST as unsuspend } from "@/app/api/moderation/users/[id]/unsuspend/route";
import { DELETE as deletePost, PATCH as editPost } from "@/app/api/posts/[id]/route";
import { PUT as votePost } from "@/app/api/posts/[id]/vote/route";
import { POST as report } from "@/app/api/reports/route";
import { POST as createPost } from "@/app/api/threads/[id]/posts/route";
import { PUT as stance } from "@/app/api/threads/[id]/stance/route";
import { PUT as voteThread } from "@/app/api/threads/[id]/vote/route";
import { POST as createThread } from "@/app/api/threads/route";
import { POST as signUp } from "@/app/api/users/route";
import { hashPassword } from "@/lib/passwords";
import { createPrismaClient } from "@/lib/prisma-client";
import { withClient } from "@/scripts/db/admin";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

const CALLERS = ["anonymous", "member", "author", "suspended", "moderator", "admin"] as const;
type Caller = (typeof CALLERS)[number];
const PASSWORD = "le mot de passe de la matrice";

/** Each case gets fresh rows: a thread and a post by "author", a report, a hidden post… */
async function fixture() {
  const passwordHash = await hashPassword(PASSWORD);
  const user = async (role: "MEMBER" | "MODERATOR" | "ADMIN" = "MEMBER", suspended = false) => {
    const created = await createMember({ role, ...(suspended ? { suspendedUntil: null } : {}) });
    await db.user.update({ where: { id: created.id }, data: { passwordHash } });
    return created;
  };
  const callers: Record<Caller, Awaited<ReturnType<typeof user>> | null> = {
    anonymous: null,
    member: await user(),
    author: await user(),
    suspended: await user("MEMBER", true),
    moderator: await user("MODERATOR"),
    admin: await user("ADMIN"),
  };
  const author = callers.author!;
  const thread = await db.thread.create({ data: { slug: `matrice-${author.id}`, title: "Une question de la matrice", body: "x", kind: "POSITION", authorId: author.id, postCount: 2,
      positions: { create: [{ ord: 0, label: "Pour", colour: "BLUE" }, { ord: 1, label: "Contre", colour: "ORANGE" }] } },
    include: { positions: { orderBy: { ord: "asc" } } },
  });
  const post = await db.post.create({ data: { threadId: thread.id, authorId: author.id, body: "Un avis", bodyHtml: "<p>Un avis</p>" } });
  const hiddenPost = await db.post.create({ data: { threadId: thread.id, authorId: author.id, body: "Masqué", hiddenAt: new Date(), hiddenReason: "x" } });
  const hiddenThread = await db.thread.create({ data: { slug: `matrice-masque-${author.id}`, title: "Une question masquée", body: "x", hiddenAt: new Date() } });
  const victim = await user();
  const suspendedVictim = await user("MEMBER", true);
  const openReport = await db.report.create({ data: { reporterId: victim.id, targetType: "POST", postId: post.id, reason: "SPAM" } });
  // The victim moved from « Pour » to « Contre », crediting the post (as the stance form does).
  const [pour, contre] = thread.positions;
  await db.threadStance.create({ data: { threadId: thread.id, userId: victim.id, positionId: pour.id } });
  await db.threadStance.update({ where: { threadId_userId: { threadId: thread.id, userId: victim.id } }, data: { positionId: contre.id } });
  const change = await db.stanceChange.findFirstOrThrow({ where: { threadId: thread.id, userId: victim.id }, orderBy: { id: "desc" } });
  const credit = await db.mindChangeCredit.create({ data: { changeId: change.id, threadId: thread.id, postId: post.id, userId: victim.id, fromPositionId: pour.id, toPositionId: contre.id } });
  // A closed question of the author's, with a post by the author and the member's stance on it.
  const closedThread = await db.thread.create({ data: { slug: `matrice-close-${author.id}`, title: "Une question close de la matrice", body: "x", kind: "POSITION", authorId: author.id, postCount: 1,
      positions: { create: [{ ord: 0, label: "Pour", colour: "BLUE" }, { ord: 1, label: "Contre", colour: "ORANGE" }] } },
    include: { positions: { orderBy: { ord: "asc" } } },
  });
  const closedPost = await db.post.create({ data: { threadId: closedThread.id, authorId: author.id, body: "Un avis final", bodyHtml: "<p>Un avis final</p>" } });
  await db.threadStance.create({ data: { threadId: closedThread.id, userId: callers.member!.id, positionId: closedThread.positions[0].id } });
  await db.thread.update({ where: { id: closedThread.id }, data: { closedAt: new Date(), closedById: callers.moderator!.id } });
  return { callers, thread, post, hiddenPost, hiddenThread, victim, suspendedVictim, openReport, credit, closedThread, closedPost };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

type Endpoint = {
  name: string;
  handler: Parameters<typeof call>[0];
  method: string;
  target: (f: Fixture) => number | undefined;
  body?: (f: Fixture) => unknown;
  expected: Record<Caller, number>;
};

const statuses = (...codes: number[]) => Object.fromEntries(CALLERS.map((caller, i) => [caller, codes[i]])) as Record<Caller, number>;
const MODERATORS_ONLY = statuses(401, 403, 403, 403, 200, 200);
const MODERATORS_ONLY_NO_CONTENT = statuses(401, 403, 403, 403, 204, 204);

const ENDPOINTS: Endpoint[] = [
  { name: "POST /api/users", handler: signUp, method: "POST", target: () => undefined, body: () => ({ email: `new-${Math.random()}@example.test`, name: "Nouveau", password: PASSWORD }), expected: statuses(201, 201, 201, 201, 201, 201) },
  { name: "POST /api/threads", handler: createThread, method: "POST", target: () => undefined, body: () => ({ title: "Une nouvelle question ?", body: "Contexte" }), expected: statuses(401, 201, 201, 403, 201, 201) },
  { name: "POST /api/threads/{id}/posts", handler: createPost, method: "POST", target: (f) => f.thread.id, body: () => ({ body: "Réponse" }), expected: statuses(401, 201, 201, 403, 201, 201) },
  { name: "PATCH /api/posts/{id}", handler: editPost, method: "PATCH", target: (f) => f.post.id, body: () => ({ body: "Modifié" }), expected: statuses(401, 403, 200, 403, 403, 403) },
  { name: "DELETE /api/posts/{id}", handler: deletePost, method: "DELETE", target: (f) => f.post.id, expected: statuses(401, 403, 204, 403, 403, 403) },
  { name: "PUT /api/posts/{id}/vote", handler: votePost, method: "PUT", target: (f) => f.post.id, body: () => ({ value: 1 }), expected: statuses(401, 200, 403, 403, 200, 200) },
  { name: "PUT /api/threads/{id}/vote", handler: voteThread, method: "PUT", target: (f) => f.thread.id, body: () => ({ value: 1 }), expected: statuses(401, 200, 403, 403, 200, 200) },
  { name: "PUT /api/threads/{id}/stance", handler: stance, method: "PUT", target: (f) => f.thread.id, body: (f) => ({ positionId: f.thread.positions[0].id }), expected: statuses(401, 200, 200, 403, 200, 200) },
  { name: "POST /api/reports", handler: report, method: "POST", target: () => undefined, body: (f) => ({ targetType: "POST", targetId: f.post.id, reason: "SPAM" }), expected: statuses(401, 201, 403, 403, 201, 201) },
  { name: "POST /api/moderation/reports/{id}/resolve", handler: resolveReport, method: "POST", target: (f) => f.openReport.id, body: () => ({ action: "DISMISS" }), expected: MODERATORS_ONLY },
  { name: "POST /api/moderation/posts/{id}/hide", handler: hidePost, method: "POST", target: (f) => f.post.id, body: () => ({ reason: "Hors charte" }), expected: MODERATORS_ONLY_NO_CONTENT },
  { name: "POST /api/moderation/posts/{id}/restore", handler: restorePost, method: "POST", target: (f) => f.hiddenPost.id, expected: MODERATORS_ONLY_NO_CONTENT },
  { name: "POST /api/moderation/threads/{id}/hide", handler: hideThread, method: "POST", target: (f) => f.thread.id, body: () => ({ reason: "Doublon" }), expected: MODERATORS_ONLY_NO_CONTENT },
  { name: "POST /api/moderation/threads/{id}/restore", handler: restoreThread, method: "POST", target: (f) => f.hiddenThread.id, expected: MODERATORS_ONLY_NO_CONTENT },
  { name: "POST /api/moderation/credits/{id}", handler: moderateCredit, method: "POST", target: (f) => f.credit.id, body: () => ({ action: "VOID", reason: "Comptes multiples" }), expected: MODERATORS_ONLY },
  { name: "POST /api/moderation/threads/{id}/close", handler: closeThread, method: "POST", target: (f) => f.thread.id, body: () => ({ reason: "Le débat a fait le tour" }), expected: MODERATORS_ONLY },
  { name: "POST /api/moderation/threads/{id}/close (already closed)", handler: closeThread, method: "POST", target: (f) => f.closedThread.id, body: () => ({}), expected: statuses(401, 403, 403, 403, 409, 409) },
  { name: "POST /api/moderation/threads/{id}/reopen", handler: reopenThread, method: "POST", target: (f) => f.closedThread.id, body: () => ({}), expected: MODERATORS_ONLY },
  { name: "POST /api/moderation/threads/{id}/reopen (open)", handler: reopenThread, method: "POST", target: (f) => f.thread.id, body: () => ({}), expected: statuses(401, 403, 403, 403, 409, 409) },
  { name: "PUT /api/moderation/threads/{id}/summary", handler: writeSummary, method: "PUT", target: (f) => f.closedThread.id, body: () => ({ body: "La synthèse de la modération." }), expected: MODERATORS_ONLY },
  // A closed question: every change is a conflict for whoever could make it on an open one.
  { name: "POST /api/threads/{id}/posts (closed)", handler: createPost, method: "POST", target: (f) => f.closedThread.id, body: () => ({ body: "Réponse" }), expected: statuses(401, 409, 409, 403, 409, 409) },
  { name: "POST /api/threads/{id}/posts, a reply (closed)", handler: createPost, method: "POST", target: (f) => f.closedThread.id, body: (f) => ({ body: "Réponse", parentId: f.closedPost.id }), expected: statuses(401, 409, 409, 403, 409, 409) },
  { name: "PATCH /api/posts/{id} (closed)", handler: editPost, method: "PATCH", target: (f) => f.closedPost.id, body: () => ({ body: "Modifié" }), expected: statuses(401, 403, 409, 403, 403, 403) },
  { name: "DELETE /api/posts/{id} (closed)", handler: deletePost, method: "DELETE", target: (f) => f.closedPost.id, expected: statuses(401, 403, 409, 403, 403, 403) },
  { name: "PUT /api/posts/{id}/vote (closed)", handler: votePost, method: "PUT", target: (f) => f.closedPost.id, body: () => ({ value: 1 }), expected: statuses(401, 409, 409, 403, 409, 409) },
  { name: "PUT /api/threads/{id}/vote (closed)", handler: voteThread, method: "PUT", target: (f) => f.closedThread.id, body: () => ({ value: 1 }), expected: statuses(401, 409, 409, 403, 409, 409) },
  { name: "PUT /api/threads/{id}/stance (closed)", handler: stance, method: "PUT", target: (f) => f.closedThread.id, body: (f) => ({ positionId: f.closedThread.positions[1].id }), expected: statuses(401, 409, 409, 403, 409, 409) },
  { name: "PATCH /api/moderation/threads/{id}", handler: moderateThread, method: "PATCH", target: (f) => f.thread.id, body: () => ({ locked: true }), expected: MODERATORS_ONLY },
  { name: "POST /api/moderation/users/{id}/suspend", handler: suspend, method: "POST", target: (f) => f.victim.id, body: () => ({ until: null, reason: "Test" }), expected: MODERATORS_ONLY },
  { name: "POST /api/moderation/users/{id}/unsuspend", handler: unsuspend, method: "POST", target: (f) => f.suspendedVictim.id, expected: MODERATORS_ONLY_NO_CONTENT },
  { name: "PATCH /api/admin/users/{id}", handler: changeRole, method: "PATCH", target: (f) => f.victim.id, body: () => ({ role: "MODERATOR" }), expected: statuses(401, 403, 403, 403, 403, 200) },
  { name: "POST /api/me/password", handler: changePassword, method: "POST", target: () => undefined, body: () => ({ currentPassword: PASSWORD, newPassword: "un nouveau mot de passe" }), expected: statuses(401, 204, 204, 204, 204, 204) },
  { name: "POST /api/me/sign-out-everywhere", handler: signOutEverywhere, method: "POST", target: () => undefined, expected: statuses(401, 204, 204, 204, 204, 204) },
];

/** A fingerprint of every table but the rate-limit counters. */
function fingerprint() {
  return withClient(process.env.DATABASE_URL!, async (client) => {
    const tables = ["users", "threads", "posts", "post_revisions", "post_votes", "thread_votes", "thread_stances", "mind_change_credits", "reports", "moderation_log", "thread_summary_revisions"];
    const parts: string[] = [];
    for (const table of tables) {
      parts.push((await client.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`)).rows[0].h);
    }
    return parts.join(",");
  });
}

describe.each(ENDPOINTS)("$name", (endpoint) => {
  it.each(CALLERS.map((caller) => [caller]))("as %s", async (caller) => {
    const f = await fixture();
    const who = f.callers[caller as Caller];
    const id = endpoint.target(f);
    const before = await fingerprint();
    const response = await call(endpoint.handler, `/api/matrix${id ? `/${id}` : ""}`, {
      method: endpoint.method,
      params: id ? { id: String(id) } : {},
      json: endpoint.body?.(f),
      headers: { ...(who ? { cookie: who.cookie } : {}), "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` },
    });
    expect(response.status).toBe(endpoint.expected[caller as Caller]);
    if (response.status >= 400) expect(await fingerprint()).toBe(before);
    else expect(await fingerprint()).not.toBe(before);
  });
});
