// Closing a question: a closed question refuses every change (409) and writes nothing, the
// database too when the question closes between the app's check and its write (SQLSTATE AGCLO);
// moderators close, reopen and write the closing summary, whose earlier texts are kept in order,
// each action in the moderation log.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as closeRoute } from "@/app/api/moderation/threads/[id]/close/route";
import { POST as reopenRoute } from "@/app/api/moderation/threads/[id]/reopen/route";
import { PUT as summaryRoute } from "@/app/api/moderation/threads/[id]/summary/route";
import { GET as logRoute } from "@/app/api/moderation/log/route";
import { GET as journalRoute } from "@/app/api/moderation/journal/route";
import { DELETE as deletePostRoute, PATCH as editPostRoute } from "@/app/api/posts/[id]/route";
import { PUT as votePostRoute } from "@/app/api/posts/[id]/vote/route";
import { GET as listPostsRoute, POST as createPostRoute } from "@/app/api/threads/[id]/posts/route";
import { GET as getThreadRoute } from "@/app/api/threads/[id]/route";
import { PUT as stanceRoute } from "@/app/api/threads/[id]/stance/route";
import { GET as revisionsRoute } from "@/app/api/threads/[id]/summary/revisions/route";
import { PUT as voteThreadRoute } from "@/app/api/threads/[id]/vote/route";
import { GET as threadsRoute } from "@/app/api/threads/route";
import { isClosedQuestionRefusal, refusingClosedQuestion } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { createPost } from "@/lib/posts";
import { createPrismaClient } from "@/lib/prisma-client";
import { setStance } from "@/lib/stances";
import { writeSummary } from "@/lib/thread-closing";
import { actorFields } from "@/lib/users";
import { createPositionQuestion } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

// The renderer runs between createPost's check and its write: a test may close the question there.
const beforeRender = vi.hoisted(() => ({ run: null as null | (() => Promise<void>) }));
vi.mock("@/lib/markdown/render", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/markdown/render")>();
  return {
    ...actual,
    renderMarkdown: async (source: string) => {
      const run = beforeRender.run;
      beforeRender.run = null;
      await run?.();
      return actual.renderMarkdown(source);
    },
  };
});

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;
const send = (handler: Parameters<typeof call>[0], path: string, member: Member | null, id: number, json?: unknown, method = "POST") =>
  call(handler, path, { method, json, params: { id: String(id) }, headers: member ? { cookie: member.cookie } : {} });
const actorOf = (member: Member) => db.user.findUniqueOrThrow({ select: actorFields, where: { id: member.id } });

/** A member's position question with a post by its author, a member holding « Pour », a post by that member, and a moderator. */
async function scene() {
  const question = await createPositionQuestion(["Pour", "Contre"]);
  const [pour, contre] = question.positions;
  const [author, member, writer, moderator] = await Promise.all([createMember(), createMember(), createMember(), createMember({ role: "MODERATOR" })]);
  const thread = await db.thread.update({ where: { id: question.id }, data: { authorId: author.id } });
  const post = await db.post.create({ data: { threadId: thread.id, authorId: writer.id, body: "Un argument", bodyHtml: "<p>Un argument</p>", createdAt: new Date(Date.now() - 60_000) } });
  await db.threadStance.create({ data: { threadId: thread.id, userId: member.id, positionId: pour.id } });
  return { thread, pour, contre, author, member, writer, moderator, post };
}
type Scene = Awaited<ReturnType<typeof scene>>;

const close = (s: Scene, who: Member = s.moderator, json: unknown = {}) => send(closeRoute, `/api/moderation/threads/${s.thread.id}/close`, who, s.thread.id, json);
const reopen = (s: Scene, who: Member = s.moderator, json: unknown = {}) => send(reopenRoute, `/api/moderation/threads/${s.thread.id}/reopen`, who, s.thread.id, json);
const summarize = (s: Scene, body: string, who: Member = s.moderator) => send(summaryRoute, `/api/moderation/threads/${s.thread.id}/summary`, who, s.thread.id, { body }, "PUT");

/** Every change a closed question refuses, as its member or the post's author would try it. */
const changes = (s: Scene) => ({
  post: () => send(createPostRoute, `/api/threads/${s.thread.id}/posts`, s.member, s.thread.id, { body: "Encore un avis" }),
  reply: () => send(createPostRoute, `/api/threads/${s.thread.id}/posts`, s.member, s.thread.id, { body: "Une réponse", parentId: s.post.id }),
  edit: () => send(editPostRoute, `/api/posts/${s.post.id}`, s.writer, s.post.id, { body: "Modifié" }, "PATCH"),
  delete: () => send(deletePostRoute, `/api/posts/${s.post.id}`, s.writer, s.post.id, undefined, "DELETE"),
  votePost: () => send(votePostRoute, `/api/posts/${s.post.id}/vote`, s.member, s.post.id, { value: 1 }, "PUT"),
  voteThread: () => send(voteThreadRoute, `/api/threads/${s.thread.id}/vote`, s.member, s.thread.id, { value: 1 }, "PUT"),
  changeStance: () => send(stanceRoute, `/api/threads/${s.thread.id}/stance`, s.member, s.thread.id, { positionId: s.contre.id }, "PUT"),
  takeStance: () => send(stanceRoute, `/api/threads/${s.thread.id}/stance`, s.writer, s.thread.id, { positionId: s.pour.id }, "PUT"),
  withdrawStance: () => send(stanceRoute, `/api/threads/${s.thread.id}/stance`, s.member, s.thread.id, { positionId: null }, "PUT"),
  credit: () => send(stanceRoute, `/api/threads/${s.thread.id}/stance`, s.member, s.thread.id, { positionId: s.contre.id, creditedPostIds: [s.post.id] }, "PUT"),
});

/** What any of those changes would alter. */
async function snapshot(s: Scene) {
  const [thread, posts, revisions, postVotes, threadVotes, stances, stanceChanges, credits] = await Promise.all([
    db.thread.findUniqueOrThrow({ where: { id: s.thread.id }, select: { postCount: true, upvotes: true, downvotes: true } }),
    db.post.findMany({ where: { threadId: s.thread.id }, select: { id: true, body: true, deletedAt: true, upvotes: true }, orderBy: { id: "asc" } }),
    db.postRevision.count({ where: { post: { threadId: s.thread.id } } }),
    db.postVote.count({ where: { post: { threadId: s.thread.id } } }),
    db.threadVote.count({ where: { threadId: s.thread.id } }),
    db.threadStance.findMany({ where: { threadId: s.thread.id }, select: { userId: true, positionId: true }, orderBy: { userId: "asc" } }),
    db.stanceChange.count({ where: { threadId: s.thread.id } }),
    db.mindChangeCredit.count({ where: { threadId: s.thread.id } }),
  ]);
  return { thread, posts, revisions, postVotes, threadVotes, stances, stanceChanges, credits };
}

describe("a closed question", () => {
  it("refuses a post, a reply, an edit, a delete, a vote on a post or on the question, a stance taken, changed or withdrawn and a credit: 409, nothing written", async () => {
    const s = await scene();
    expect((await close(s)).status).toBe(200);
    const before = await snapshot(s);
    for (const [name, attempt] of Object.entries(changes(s))) {
      const { status, body } = await attempt();
      expect({ name, status, code: body?.error?.code }).toEqual({ name, status: 409, code: "conflict" });
      expect(body.error.message).toMatch(/^Cette question est close : /);
    }
    expect(await snapshot(s)).toEqual(before);
  });

  it("stays readable by all, and says it is closed and why each control is off", async () => {
    const s = await scene();
    await close(s);
    const thread = await send(getThreadRoute, `/api/threads/${s.thread.id}`, null, s.thread.id, undefined, "GET");
    expect(thread.status).toBe(200);
    expect(new Date(thread.body.closedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const posts = await send(listPostsRoute, `/api/threads/${s.thread.id}/posts`, s.member, s.thread.id, undefined, "GET");
    expect(posts.status).toBe(200);
    const [post] = posts.body.items;
    expect(post.can).toMatchObject({ vote: false, reply: false, credit: false, voteRefusal: { reason: "Cette question est close : les votes sont définitifs." } });
    const own = await send(listPostsRoute, `/api/threads/${s.thread.id}/posts`, s.writer, s.thread.id, undefined, "GET");
    expect(own.body.items[0].can).toMatchObject({ edit: false, delete: false });
    const list = await call(threadsRoute, "/api/threads?sort=new&limit=50");
    expect(list.body.items.find((item: { id: number }) => item.id === s.thread.id).closedAt).toEqual(thread.body.closedAt);
  });

  it("takes everything again once reopened", async () => {
    const s = await scene();
    await close(s);
    expect((await reopen(s)).status).toBe(200);
    const attempts = changes(s);
    expect((await attempts.votePost()).status).toBe(200);
    expect((await attempts.voteThread()).status).toBe(200);
    expect((await attempts.post()).status).toBe(201);
    expect((await attempts.changeStance()).status).toBe(200);
    expect((await attempts.edit()).status).toBe(200);
    const thread = await send(getThreadRoute, `/api/threads/${s.thread.id}`, null, s.thread.id, undefined, "GET");
    expect(thread.body.closedAt).toBeNull();
    expect(await db.thread.findUniqueOrThrow({ where: { id: s.thread.id }, select: { closedById: true } })).toEqual({ closedById: null });
  });

  it("closes once and reopens once: twice is a 409 that writes no log row", async () => {
    const s = await scene();
    expect((await reopen(s)).status).toBe(409);
    expect((await close(s)).status).toBe(200);
    const logs = await db.moderationLog.count({ where: { threadId: s.thread.id } });
    const again = await close(s);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("déjà close");
    expect(await db.moderationLog.count({ where: { threadId: s.thread.id } })).toBe(logs);
  });

  it("is closed, reopened and summarised by moderators only: members 403, signed out 401", async () => {
    const s = await scene();
    for (const who of [s.member, s.author]) {
      expect((await close(s, who)).status).toBe(403);
      expect((await summarize(s, "Synthèse", who)).status).toBe(403);
    }
    expect((await send(closeRoute, "/api/moderation/threads/x/close", null, s.thread.id, {})).status).toBe(401);
    await close(s);
    expect((await reopen(s, s.member)).status).toBe(403);
    expect(await db.thread.findUniqueOrThrow({ where: { id: s.thread.id }, select: { summary: true, closedById: true } })).toEqual({ summary: null, closedById: s.moderator.id });
  });

  it("logs closing and reopening with their reason, in the log and the public journal", async () => {
    const s = await scene();
    await close(s, s.moderator, { reason: "Le débat a fait le tour" });
    await reopen(s, s.moderator, {});
    const rows = await db.moderationLog.findMany({ where: { threadId: s.thread.id }, orderBy: { id: "asc" } });
    expect(rows).toEqual([
      expect.objectContaining({ action: "CLOSE_THREAD", actorId: s.moderator.id, targetType: "THREAD", reason: "Le débat a fait le tour", before: { closed: false }, after: { closed: true } }),
      expect.objectContaining({ action: "REOPEN_THREAD", actorId: s.moderator.id, targetType: "THREAD", reason: null, before: { closed: true }, after: { closed: false } }),
    ]);
    const log = await call(logRoute, `/api/moderation/log?action=CLOSE_THREAD`, { headers: { cookie: s.moderator.cookie } });
    expect(log.body.items[0]).toMatchObject({ action: "CLOSE_THREAD", thread: { slug: s.thread.slug } });
    const journal = await call(journalRoute, "/api/moderation/journal");
    expect(journal.body.items.slice(0, 2)).toEqual([
      expect.objectContaining({ action: "REOPEN_THREAD", target: { type: "THREAD", id: s.thread.id, path: `/t/${s.thread.slug}` } }),
      expect.objectContaining({ action: "CLOSE_THREAD", target: { type: "THREAD", id: s.thread.id, path: `/t/${s.thread.slug}` } }),
    ]);
  });

  it("refuses bad input: a reason too long, a summary empty or too long (400 JSON naming the field), an unknown question (404)", async () => {
    const s = await scene();
    expect((await close(s, s.moderator, { reason: "x".repeat(501) })).status).toBe(400);
    expect((await summarize(s, "   ")).body.error.issues[0].path).toBe("body");
    expect((await summarize(s, "x".repeat(20_001))).status).toBe(400);
    expect((await send(closeRoute, "/api/moderation/threads/999999/close", s.moderator, 999_999, {})).status).toBe(404);
    expect((await send(summaryRoute, "/api/moderation/threads/999999/summary", s.moderator, 999_999, { body: "x" }, "PUT")).status).toBe(404);
    expect((await send(revisionsRoute, "/api/threads/999999/summary/revisions", null, 999_999, undefined, "GET")).status).toBe(404);
  });
});

describe("the closing summary", () => {
  it("is written before or after closing, shown with the question, and keeps each text it replaced, newest first", async () => {
    const s = await scene();
    const first = await summarize(s, "Première **synthèse**.");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ html: expect.stringContaining("<strong>synthèse</strong>"), author: { id: s.moderator.id } });
    await close(s);
    const other = await createMember({ role: "MODERATOR" });
    expect((await summarize(s, "Deuxième synthèse.", other)).status).toBe(200);
    expect((await summarize(s, "Troisième synthèse.")).status).toBe(200);
    const thread = await send(getThreadRoute, `/api/threads/${s.thread.id}`, null, s.thread.id, undefined, "GET");
    expect(thread.body.summary).toMatchObject({ html: "<p>Troisième synthèse.</p>", author: { id: s.moderator.id, name: s.moderator.name }, writtenAt: expect.any(String) });
    const history = await send(revisionsRoute, `/api/threads/${s.thread.id}/summary/revisions`, null, s.thread.id, undefined, "GET");
    expect(history.status).toBe(200);
    expect(history.body.current.body).toBe("Troisième synthèse.");
    expect(history.body.items.map((item: { body: string; replacedBy: { id: number } }) => [item.body, item.replacedBy.id])).toEqual([
      ["Deuxième synthèse.", s.moderator.id],
      ["Première **synthèse**.", other.id],
    ]);
    expect(history.body.items[1].bodyHtml).toContain("<strong>synthèse</strong>");
  });

  it("logs each writing with the text it replaced (null the first time); the same text again changes nothing", async () => {
    const s = await scene();
    await summarize(s, "Version 1");
    await summarize(s, "Version 2");
    await summarize(s, "Version 2");
    const rows = await db.moderationLog.findMany({ where: { threadId: s.thread.id, action: "WRITE_SUMMARY" }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.before, row.after])).toEqual([
      [{ summary: null }, { summary: "Version 1" }],
      [{ summary: "Version 1" }, { summary: "Version 2" }],
    ]);
    expect(await db.threadSummaryRevision.count({ where: { threadId: s.thread.id } })).toBe(1);
  });

  it("keeps both texts when two moderators write at once: one is current, the other in the history", async () => {
    const s = await scene();
    await summarize(s, "Texte de départ");
    const [ana, ben] = await Promise.all([createMember({ role: "MODERATOR" }), createMember({ role: "MODERATOR" })]);
    const actors = await Promise.all([actorOf(ana), actorOf(ben)]);
    for (let round = 0; round < 5; round += 1) {
      await Promise.all(actors.map((actor, index) => writeSummary(actor, s.thread.id, { body: `Texte ${round}-${index}` })));
    }
    const { summary } = await db.thread.findUniqueOrThrow({ where: { id: s.thread.id }, select: { summary: true } });
    const history = (await db.threadSummaryRevision.findMany({ where: { threadId: s.thread.id }, orderBy: { id: "asc" } })).map((row) => row.body);
    expect(history).toHaveLength(10);
    expect([...history, summary].sort()).toEqual(["Texte de départ", ...[0, 1, 2, 3, 4].flatMap((round) => [`Texte ${round}-0`, `Texte ${round}-1`])].sort());
    expect(await db.moderationLog.count({ where: { threadId: s.thread.id, action: "WRITE_SUMMARY" } })).toBe(11);
  });

  it("shows its history to all while the question is visible, to no one but moderators once hidden", async () => {
    const s = await scene();
    await summarize(s, "Une synthèse");
    await db.thread.update({ where: { id: s.thread.id }, data: { hiddenAt: new Date(), hiddenReason: "x" } });
    expect((await send(revisionsRoute, `/api/threads/${s.thread.id}/summary/revisions`, s.member, s.thread.id, undefined, "GET")).status).toBe(404);
    expect((await send(revisionsRoute, `/api/threads/${s.thread.id}/summary/revisions`, s.moderator, s.thread.id, undefined, "GET")).status).toBe(200);
  });
});

describe("a question closed between the check and the write (the database refuses: AGCLO)", () => {
  it("answers a post with the 409 of a closed question, not a 500, and writes nothing", async () => {
    const s = await scene();
    const member = await actorOf(s.member);
    beforeRender.run = async () => {
      await db.thread.update({ where: { id: s.thread.id }, data: { closedAt: new Date(), closedById: s.moderator.id } });
    };
    const attempt = createPost(member, s.thread.id, { body: "Écrit pendant la clôture" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("vient d’être close") });
    expect(await db.post.count({ where: { threadId: s.thread.id } })).toBe(1);
  });

  it("answers the same 409 through the API", async () => {
    const s = await scene();
    beforeRender.run = async () => {
      await db.thread.update({ where: { id: s.thread.id }, data: { closedAt: new Date(), closedById: s.moderator.id } });
    };
    const { status, body } = await changes(s).post();
    expect(status).toBe(409);
    expect(body.error.code).toBe("conflict");
  });

  it("answers a change of stance with the 409: the stance trigger waits for the closing and then refuses", async () => {
    const s = await scene();
    const member = await actorOf(s.member);
    let attempt: Promise<unknown> | undefined;
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE threads SET closed_at = now(), closed_by_id = ${s.moderator.id} WHERE id = ${s.thread.id}`;
      // Checked against the question as it was (open), then blocked on the thread's row until the closing commits.
      attempt = setStance(member, s.thread.id, { positionId: s.contre.id });
      attempt.catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    await expect(attempt).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("vient d’être close") });
    expect(await db.threadStance.findMany({ where: { threadId: s.thread.id }, select: { userId: true, positionId: true } })).toEqual([{ userId: s.member.id, positionId: s.pour.id }]);
  });

  it("recognises the database's refusal of a vote, as the driver reports it, as the same 409", async () => {
    const s = await scene();
    await db.thread.update({ where: { id: s.thread.id }, data: { closedAt: new Date(), closedById: s.moderator.id } });
    const write = () => db.$executeRaw`INSERT INTO post_votes (post_id, user_id, value, updated_at) VALUES (${s.post.id}, ${s.member.id}, 1, now())`;
    await expect(write()).rejects.toSatisfy(isClosedQuestionRefusal);
    await expect(refusingClosedQuestion(write())).rejects.toMatchObject({ code: "conflict", status: 409 });
    expect(await db.postVote.count({ where: { postId: s.post.id } })).toBe(0);
  });
});
