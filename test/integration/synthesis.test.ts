// The synthesis of a question (lib/synthesis.ts, GET /api/threads/{id}/synthesis): its figures
// counted over what the public sees, exactly, on a question built by hand; its closing read from
// the thread; a hidden or unknown question is none; and it costs a bounded number of statements.
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as synthesisRoute } from "@/app/api/threads/[id]/synthesis/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { getSynthesis } from "@/lib/synthesis";
import { createPositionQuestion, createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

const synthesis = (threadId: number | string, cookie?: string) =>
  call(synthesisRoute, `/api/threads/${threadId}/synthesis`, { params: { id: String(threadId) }, headers: cookie ? { cookie } : {} });

/**
 * A position question where each member does one kind of thing: `writer` a post, `replier` a reply
 * (and an up-vote on the writer's post, so counted once), `voter` an up-vote, `mover` a change from
 * « Pour » to « Contre » crediting the writer's post, `withdrawer` a stance then a withdrawal;
 * `hiddenAuthor` only a post hidden by moderation, `hiddenVoter` only a vote on it, `deleter` only
 * a deleted post: those three are no participants.
 */
async function scene() {
  const question = await createPositionQuestion();
  const [pour, contre] = question.positions;
  const [writer, replier, voter, mover, withdrawer, hiddenAuthor, hiddenVoter, deleter] = await Promise.all(Array.from({ length: 8 }, () => createMember()));
  const post = (authorId: number, createdAt: Date, extra: object = {}) =>
    db.post.create({ data: { threadId: question.id, authorId, body: "Un argument", bodyHtml: "<p>Un argument</p>", createdAt, ...extra } });
  // The hidden and deleted posts are the oldest: the period starts at the first visible one.
  const hidden = await post(hiddenAuthor.id, daysAgo(30), { hiddenAt: new Date(), hiddenReason: "Hors sujet" });
  await post(deleter.id, daysAgo(25), { deletedAt: new Date() });
  const root = await post(writer.id, daysAgo(10));
  const reply = await post(replier.id, daysAgo(9), { parentId: root.id, rootId: root.id, depth: 1 });
  await db.postVote.createMany({
    data: [
      { postId: root.id, userId: replier.id, value: 1 },
      { postId: root.id, userId: voter.id, value: 1 },
      { postId: reply.id, userId: writer.id, value: -1 },
      { postId: hidden.id, userId: hiddenVoter.id, value: 1 },
    ],
  });
  const stance = (userId: number, positionId: number) =>
    db.threadStance.upsert({ where: { threadId_userId: { threadId: question.id, userId } }, create: { threadId: question.id, userId, positionId }, update: { positionId } });
  await stance(mover.id, pour.id);
  await stance(mover.id, contre.id);
  const change = await db.stanceChange.findFirstOrThrow({ where: { threadId: question.id, userId: mover.id }, orderBy: { id: "desc" } });
  await db.mindChangeCredit.create({
    data: { changeId: change.id, threadId: question.id, postId: root.id, userId: mover.id, fromPositionId: pour.id, toPositionId: contre.id },
  });
  await stance(withdrawer.id, pour.id);
  await db.threadStance.delete({ where: { threadId_userId: { threadId: question.id, userId: withdrawer.id } } });
  const lastChange = await db.stanceChange.findFirstOrThrow({ where: { threadId: question.id }, orderBy: { changedAt: "desc" } });
  return { question, pour, contre, root, reply, writer, lastChange };
}

describe("the synthesis of a position question", () => {
  it("counts visible posts, participants, changes of position and the period exactly", async () => {
    const { question, pour, contre, root, lastChange } = await scene();
    const result = await getSynthesis(null, question.slug);
    expect(result).not.toBeNull();
    expect(result!.figures).toEqual({
      posts: 2,
      topLevelPosts: 1,
      replies: 1,
      // writer, replier, voter, mover, withdrawer: not the hidden post's author or voter, not the deleter.
      participants: 5,
      // mover's « Pour » → « Contre »; neither first stances nor the withdrawal.
      positionChanges: 1,
      period: { from: root.createdAt, to: lastChange.changedAt },
    });
    expect(result!.question).toEqual({
      id: question.id,
      slug: question.slug,
      title: question.title,
      questionNumber: null,
      kind: "POSITION",
      contextHtml: "<p>Le contexte.</p>",
      article: null,
      path: `/t/${question.slug}`,
    });
    expect(result!.tally!.total).toBe(1);
    expect(result!.tally!.positions.map((position) => [position.label, position.stanceCount])).toEqual([["Pour", 0], ["Contre", 1], ["Mitigé", 0]]);
    expect(result!.history!.points.at(-1)!.counts).toEqual({ [pour.id]: 0, [contre.id]: 1, [question.positions[2].id]: 0 });
    expect(result!.mindChanges.map((post) => [post.id, post.mindChangeCount])).toEqual([[root.id, 1]]);
    expect(result!.closing).toEqual({ closedAt: null, summary: null });
  });

  it("gives « Les arguments » of each position and the « Points d'accord », as the question's page does", async () => {
    const question = await createPositionQuestion();
    const members = await Promise.all(question.positions.map(() => createMember()));
    await db.threadStance.createMany({ data: question.positions.map((position, index) => ({ threadId: question.id, userId: members[index].id, positionId: position.id })) });
    const [author] = members;
    const argument = await db.post.create({ data: { threadId: question.id, authorId: author.id, body: "Un argument", bodyHtml: "<p>Un argument</p>" } });
    // Up-voted from each position (its author's camp by a second member of it).
    const second = await createMember();
    await db.threadStance.create({ data: { threadId: question.id, userId: second.id, positionId: question.positions[0].id } });
    await db.postVote.createMany({ data: [second, ...members.slice(1)].map((member) => ({ postId: argument.id, userId: member.id, value: 1 })) });

    const result = (await getSynthesis(null, question.slug))!;
    expect(result.arguments.map((group) => [group.label, group.posts.map((post) => post.id)])).toEqual([
      [question.positions[0].label, [argument.id]],
      [question.positions[1].label, []],
      [question.positions[2].label, []],
    ]);
    expect(result.agreementPoints.map((point) => [point.id, point.votes.map((vote) => vote.up)])).toEqual([[argument.id, [1, 1, 1]]]);
  });

  it("reads the closing and its summary from the question", async () => {
    const { question } = await scene();
    const moderator = await createMember({ role: "MODERATOR" });
    const closedAt = new Date("2026-12-01T10:00:00Z");
    await db.thread.update({
      where: { id: question.id },
      data: { closedAt, closedById: moderator.id, summary: "Le **bilan**.", summaryHtml: "<p>Le <strong>bilan</strong>.</p>", summaryAt: closedAt, summaryById: moderator.id },
    });
    const { closing } = (await getSynthesis(null, question.slug))!;
    expect(closing).toEqual({ closedAt, summary: { html: "<p>Le <strong>bilan</strong>.</p>", writtenAt: closedAt, author: { id: moderator.id, name: moderator.name } } });
  });

  it("answers the same data as JSON, dates in ISO", async () => {
    const { question, root, lastChange } = await scene();
    const { status, body } = await synthesis(question.id);
    expect(status).toBe(200);
    expect(body.figures).toEqual({
      posts: 2,
      topLevelPosts: 1,
      replies: 1,
      participants: 5,
      positionChanges: 1,
      period: { from: root.createdAt.toISOString(), to: lastChange.changedAt.toISOString() },
    });
    expect(body.question.path).toBe(`/t/${question.slug}`);
    expect(body.tally.total).toBe(1);
    expect(body.mindChanges[0]).toMatchObject({ id: root.id, mindChangeCount: 1, createdAt: root.createdAt.toISOString() });
  });
});

describe("an open question", () => {
  it("has no tally nor history, and its figures are zero before anyone writes", async () => {
    const thread = await createThreadRow();
    const result = await getSynthesis(null, thread.slug);
    expect(result).toMatchObject({ tally: null, history: null, mindChanges: [] });
    expect(result!.figures).toEqual({ posts: 0, topLevelPosts: 0, replies: 0, participants: 0, positionChanges: 0, period: null });
    expect(result!.question.kind).toBe("OPEN");
  });
});

describe("a question the viewer may not see", () => {
  it("is none for the public, by slug and through the API (404, as GET /api/threads/{id}); its moderators see it", async () => {
    const thread = await createThreadRow({ hiddenAt: new Date() });
    expect(await getSynthesis(null, thread.slug)).toBeNull();
    expect(await getSynthesis(null, "un-fil-qui-n-existe-pas")).toBeNull();
    const member = await createMember();
    const hidden = await synthesis(thread.id, member.cookie);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe("not_found");
    expect((await synthesis(2_000_000_000)).status).toBe(404);
    const moderator = await createMember({ role: "MODERATOR" });
    expect((await synthesis(thread.id, moderator.cookie)).status).toBe(200);
  });

  it("is a 400 for an id that is not one", async () => {
    expect((await synthesis("1e3")).status).toBe(400);
  });
});

describe("its cost", () => {
  // The thread, the figures (one statement), the highlights (« Les arguments » and « Points
  // d'accord », one statement), the history, the most credited posts and their moves: as the
  // thread page, with the figures instead of the page of posts.
  it("reads a question with stances and credits in six statements, and an open one in three", async () => {
    const { question } = await scene();
    const open = await createThreadRow();
    await db.post.create({ data: { threadId: open.id, authorId: (await createMember()).id, body: "Un avis", bodyHtml: "<p>Un avis</p>" } });
    // Connections opened and the client's queries prepared before counting.
    await getSynthesis(null, question.slug);
    const query = vi.spyOn(pg.Client.prototype, "query");
    try {
      await getSynthesis(null, question.slug);
      expect(query).toHaveBeenCalledTimes(6);
      query.mockClear();
      expect((await getSynthesis(null, open.slug))!.figures.posts).toBe(1);
      expect(query).toHaveBeenCalledTimes(3);
    } finally {
      query.mockRestore();
    }
  });
});
