import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PUT as votePostRoute } from "@/app/api/posts/[id]/vote/route";
import { PUT as stanceRoute } from "@/app/api/threads/[id]/stance/route";
import { PUT as voteThreadRoute } from "@/app/api/threads/[id]/vote/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { createPositionQuestion, createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;

const votePost = (member: Member | null, postId: number, value: unknown) =>
  call(votePostRoute, `/api/posts/${postId}/vote`, { method: "PUT", params: { id: String(postId) }, json: { value }, headers: member ? { cookie: member.cookie } : {} });
const voteThread = (member: Member | null, threadId: number, value: unknown) =>
  call(voteThreadRoute, `/api/threads/${threadId}/vote`, { method: "PUT", params: { id: String(threadId) }, json: { value }, headers: member ? { cookie: member.cookie } : {} });
const takeStance = (member: Member | null, threadId: number, positionId: unknown) => sendStance(member, threadId, { positionId });
const sendStance = (member: Member | null, threadId: number, json: unknown) =>
  call(stanceRoute, `/api/threads/${threadId}/stance`, { method: "PUT", params: { id: String(threadId) }, json, headers: member ? { cookie: member.cookie } : {} });

async function newPost(overrides: { deletedAt?: Date; hiddenAt?: Date } = {}) {
  const thread = await createThreadRow();
  const author = await createMember();
  const post = await db.post.create({ data: { threadId: thread.id, authorId: author.id, body: "Un avis", ...overrides } });
  return { thread, author, post };
}

/** The stored counters next to what the vote rows say. */
async function postCounters(postId: number) {
  const post = await db.post.findUniqueOrThrow({ where: { id: postId } });
  const [up, down] = await Promise.all([db.postVote.count({ where: { postId, value: 1 } }), db.postVote.count({ where: { postId, value: -1 } })]);
  return { stored: { up: post.upvotes, down: post.downvotes, score: post.score }, counted: { up, down, score: up - down } };
}

describe("votes on posts (PUT /api/posts/{id}/vote)", () => {
  it("casts, repeats (idempotent), changes and withdraws a vote, with exact counters", async () => {
    const { post } = await newPost();
    const voter = await createMember();
    expect((await votePost(voter, post.id, 1)).body).toEqual({ up: 1, down: 0, score: 1, myVote: 1 });
    expect((await votePost(voter, post.id, 1)).body).toEqual({ up: 1, down: 0, score: 1, myVote: 1 });
    expect((await votePost(voter, post.id, -1)).body).toEqual({ up: 0, down: 1, score: -1, myVote: -1 });
    expect((await votePost(voter, post.id, 0)).body).toEqual({ up: 0, down: 0, score: 0, myVote: 0 });
    expect((await votePost(voter, post.id, 0)).body).toEqual({ up: 0, down: 0, score: 0, myVote: 0 });
    expect(await db.postVote.count({ where: { postId: post.id } })).toBe(0);
    const counters = await postCounters(post.id);
    expect(counters.stored).toEqual(counters.counted);
  });

  it("keeps the ranks in step with the votes", async () => {
    const { post } = await newPost();
    for (const value of [1, 1, -1]) await votePost(await createMember(), post.id, value);
    const ranked = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(ranked).toMatchObject({ upvotes: 2, downvotes: 1, score: 1 });
    expect(ranked.bestRank).toBeGreaterThan(0);
    expect(ranked.controversy).toBeCloseTo(3 ** 0.5, 9);
  });

  it.each([
    ["anonymous", 401],
    ["the author", 403],
    ["a suspended member", 403],
  ])("refuses %s with %i and changes nothing", async (who, status) => {
    const { post, author } = await newPost();
    const voter = who === "anonymous" ? null : who === "the author" ? author : await createMember({ suspendedUntil: null });
    expect((await votePost(voter, post.id, 1)).status).toBe(status);
    expect(await db.postVote.count({ where: { postId: post.id } })).toBe(0);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).upvotes).toBe(0);
  });

  it("answers 409 for a deleted post, 404 for a hidden or unknown one, 400 for a bad value", async () => {
    const voter = await createMember();
    expect((await votePost(voter, (await newPost({ deletedAt: new Date() })).post.id, 1)).status).toBe(409);
    expect((await votePost(voter, (await newPost({ hiddenAt: new Date() })).post.id, 1)).status).toBe(404);
    expect((await votePost(voter, 999_999, 1)).status).toBe(404);
    const { post } = await newPost();
    for (const value of [2, "1", null, 0.5]) expect((await votePost(voter, post.id, value)).status).toBe(400);
  });

  it("stays exact when 50 members vote on one post at once", async () => {
    const { post } = await newPost();
    const voters = await Promise.all(Array.from({ length: 50 }, () => createMember()));
    const answers = await Promise.all(voters.map((voter, i) => votePost(voter, post.id, i % 5 === 0 ? -1 : 1)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const counters = await postCounters(post.id);
    expect(counters.counted).toEqual({ up: 40, down: 10, score: 30 });
    expect(counters.stored).toEqual(counters.counted);
  });

  it("leaves exactly one vote row when one member fires 20 conflicting votes at once", async () => {
    const { post } = await newPost();
    const voter = await createMember();
    const values = Array.from({ length: 20 }, (_, i) => [1, -1, 1, -1, 1][i % 5] as 1 | -1);
    const answers = await Promise.all(values.map((value) => votePost(voter, post.id, value)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(await db.postVote.count({ where: { postId: post.id } })).toBe(1);
    const counters = await postCounters(post.id);
    expect(counters.stored).toEqual(counters.counted);
    expect(counters.counted.up + counters.counted.down).toBe(1);
  });

  it("counts one member's concurrent votes exactly against the limit: 5 left, 20 at once, 5 pass", async () => {
    const voter = await createMember();
    const recently = Date.now() - 30_000;
    await db.rateLimitHit.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({ key: `votesPerMember:${voter.id}`, createdAt: new Date(recently + i) })),
    });
    const posts = await Promise.all(Array.from({ length: 20 }, () => newPost()));
    const answers = await Promise.all(posts.map(({ post }) => votePost(voter, post.id, 1)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(15);
    expect(await db.postVote.count({ where: { userId: voter.id } })).toBe(5);
    expect(await db.rateLimitHit.count({ where: { key: `votesPerMember:${voter.id}` } })).toBe(60);
  });

  it("moves the counters with the vote rows whatever writes them (SQL outside the API included)", async () => {
    const { post } = await newPost();
    const [first, second] = [await createMember(), await createMember()];
    await db.$executeRaw`INSERT INTO post_votes (post_id, user_id, value, updated_at) VALUES (${post.id}, ${first.id}, 1, now()), (${post.id}, ${second.id}, 1, now())`;
    expect((await postCounters(post.id)).stored).toEqual({ up: 2, down: 0, score: 2 });
    await db.$executeRaw`UPDATE post_votes SET value = -1 WHERE post_id = ${post.id} AND user_id = ${first.id}`;
    expect((await postCounters(post.id)).stored).toEqual({ up: 1, down: 1, score: 0 });
    await db.$executeRaw`DELETE FROM post_votes WHERE post_id = ${post.id}`;
    expect((await postCounters(post.id)).stored).toEqual({ up: 0, down: 0, score: 0 });
  });

  it("refuses a withdrawal on a hidden post (404) or a deleted one (409) and keeps its vote", async () => {
    const voter = await createMember();
    for (const [change, status] of [[{ hiddenAt: new Date() }, 404], [{ deletedAt: new Date() }, 409]] as const) {
      const { post } = await newPost();
      await votePost(voter, post.id, 1);
      await db.post.update({ where: { id: post.id }, data: change });
      expect((await votePost(voter, post.id, 0)).status).toBe(status);
      expect(await db.postVote.count({ where: { postId: post.id } })).toBe(1);
      expect((await postCounters(post.id)).stored.up).toBe(1);
    }
  });

  it("allows 60 votes a minute, then answers 429 with Retry-After", async () => {
    const voter = await createMember();
    const posts = await Promise.all(Array.from({ length: 61 }, () => newPost()));
    for (const { post } of posts.slice(0, 60)) expect((await votePost(voter, post.id, 1)).status).toBe(200);
    const refused = await votePost(voter, posts[60].post.id, 1);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db.postVote.count({ where: { postId: posts[60].post.id } })).toBe(0);
  });
});

describe("votes on threads (PUT /api/threads/{id}/vote)", () => {
  it("counts votes on a member-proposed thread, not from its author", async () => {
    const author = await createMember();
    const thread = await createThreadRow();
    await db.thread.update({ where: { id: thread.id }, data: { authorId: author.id } });
    expect((await voteThread(await createMember(), thread.id, 1)).body).toEqual({ up: 1, down: 0, score: 1, myVote: 1 });
    const own = await voteThread(author, thread.id, 1);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe("On ne vote pas pour sa propre question.");
    const stored = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(stored).toMatchObject({ upvotes: 1, score: 1 });
    expect(stored.hotRank).toBeGreaterThan(stored.createdAt.getTime() / 1000 / 45_000 - 1e-6);
    await db.$executeRaw`DELETE FROM thread_votes WHERE thread_id = ${thread.id}`;
    expect(await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({ upvotes: 0, score: 0 });
  });

  it("refuses the article's questions (409), unknown threads (404) and anonymous voters (401)", async () => {
    const seeded = await createThreadRow();
    expect((await voteThread(await createMember(), seeded.id, 1)).status).toBe(409);
    expect((await voteThread(await createMember(), 999_999, 1)).status).toBe(404);
    expect((await voteThread(null, seeded.id, 1)).status).toBe(401);
  });
});

describe("stances (PUT /api/threads/{id}/stance)", () => {
  /** Each position's stored tally, in the question's order. */
  const storedTallies = async (threadId: number) =>
    (await db.threadPosition.findMany({ where: { threadId }, orderBy: { ord: "asc" } })).map((position) => position.stanceCount);
  /** The same, counted from the stance rows. */
  const recount = async (threadId: number) => {
    const positions = await db.threadPosition.findMany({ where: { threadId }, orderBy: { ord: "asc" } });
    return Promise.all(positions.map((position) => db.threadStance.count({ where: { positionId: position.id } })));
  };

  it("takes, changes and withdraws a position, with an exact tally in the question's words", async () => {
    const thread = await createPositionQuestion(["Llama 2 n’est pas open source", "Llama 2 est open source", "C’est plus nuancé"]);
    const [notOpen, open, nuanced] = thread.positions.map((position) => position.id);
    const [a, b] = [await createMember(), await createMember()];
    const tally = (counts: number[], myPositionId: number | null) => ({
      positions: thread.positions.map((position, index) => ({ id: position.id, label: position.label, description: null, colour: position.colour, stanceCount: counts[index] })),
      myPositionId,
    });
    expect((await takeStance(a, thread.id, notOpen)).body).toEqual(tally([1, 0, 0], notOpen));
    expect((await takeStance(b, thread.id, nuanced)).body).toEqual(tally([1, 0, 1], nuanced));
    expect((await takeStance(a, thread.id, notOpen)).body).toEqual(tally([1, 0, 1], notOpen));
    expect((await takeStance(a, thread.id, open)).body).toEqual(tally([0, 1, 1], open));
    expect((await takeStance(b, thread.id, null)).body).toEqual(tally([0, 1, 0], null));
    expect(await db.threadStance.count({ where: { threadId: thread.id } })).toBe(1);
    // Every real change is in the history, in order; taking the same position again is none.
    const history = await db.stanceChange.findMany({ where: { threadId: thread.id }, orderBy: { id: "asc" } });
    expect(history.map((change) => [change.userId, change.fromPositionId, change.toPositionId])).toEqual([
      [a.id, null, notOpen],
      [b.id, null, nuanced],
      [a.id, notOpen, open],
      [b.id, nuanced, null],
    ]);
  });

  it("stays exact when 50 members change positions at once, each change recorded", async () => {
    const thread = await createPositionQuestion();
    const ids = thread.positions.map((position) => position.id);
    const members = await Promise.all(Array.from({ length: 50 }, () => createMember()));
    await Promise.all(members.map((member, i) => takeStance(member, thread.id, ids[i % 3])));
    // Then all at once again, each to another position (or withdrawing), crossing each other's way.
    const answers = await Promise.all(members.map((member, i) => takeStance(member, thread.id, i % 5 === 0 ? null : ids[(i + 1) % 3])));
    expect(answers.map((answer) => answer.status)).toEqual(members.map(() => 200));
    expect(await storedTallies(thread.id)).toEqual(await recount(thread.id));
    expect(await storedTallies(thread.id)).toEqual([13, 13, 14]);
    expect(await db.stanceChange.count({ where: { threadId: thread.id } })).toBe(100);
  });

  it("moves the tallies and the history with the stance rows whatever writes them (SQL outside the API included)", async () => {
    const thread = await createPositionQuestion();
    const [first, , third] = thread.positions.map((position) => position.id);
    const [a, b] = [await createMember(), await createMember()];
    await db.$executeRaw`INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) VALUES (${thread.id}, ${a.id}, ${first}, now()), (${thread.id}, ${b.id}, ${first}, now())`;
    expect(await storedTallies(thread.id)).toEqual([2, 0, 0]);
    await db.$executeRaw`UPDATE thread_stances SET position_id = ${third} WHERE thread_id = ${thread.id} AND user_id = ${a.id}`;
    expect(await storedTallies(thread.id)).toEqual([1, 0, 1]);
    await db.$executeRaw`DELETE FROM thread_stances WHERE thread_id = ${thread.id}`;
    expect(await storedTallies(thread.id)).toEqual([0, 0, 0]);
    expect(await db.stanceChange.count({ where: { threadId: thread.id } })).toBe(5);
    // The history is append-only, and a stance cannot point at another question's position.
    await expect(db.$executeRaw`UPDATE stance_changes SET to_position_id = NULL WHERE thread_id = ${thread.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM stance_changes WHERE thread_id = ${thread.id}`).rejects.toThrow(/append-only/);
    const other = await createPositionQuestion();
    await expect(
      db.$executeRaw`INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) VALUES (${thread.id}, ${a.id}, ${other.positions[0].id}, now())`,
    ).rejects.toThrow(/thread_stances_thread_id_position_id_fkey/);
  });

  it("answers 404 for a hidden question and keeps the stance taken before", async () => {
    const thread = await createPositionQuestion();
    const member = await createMember();
    await takeStance(member, thread.id, thread.positions[0].id);
    await db.thread.update({ where: { id: thread.id }, data: { hiddenAt: new Date() } });
    expect((await takeStance(member, thread.id, null)).status).toBe(404);
    expect((await takeStance(member, 999_999, thread.positions[0].id)).status).toBe(404);
    expect(await db.threadStance.count({ where: { threadId: thread.id } })).toBe(1);
    expect(await storedTallies(thread.id)).toEqual([1, 0, 0]);
  });

  it("refuses an OPEN question (409), an anonymous (401) or suspended (403) member, a position of another question or a bad id (400)", async () => {
    const open = await createThreadRow();
    const thread = await createPositionQuestion();
    const other = await createPositionQuestion();
    expect((await takeStance(await createMember(), open.id, thread.positions[0].id)).status).toBe(409);
    expect((await takeStance(null, thread.id, thread.positions[0].id)).status).toBe(401);
    expect((await takeStance(await createMember({ suspendedUntil: null }), thread.id, thread.positions[0].id)).status).toBe(403);
    const foreign = await takeStance(await createMember(), thread.id, other.positions[0].id);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain(`${thread.positions[0].id} « Pour »`);
    for (const bad of ["MAYBE", 0, -1, 1.5, 2 ** 31, "12", {}]) expect((await takeStance(await createMember(), thread.id, bad)).status).toBe(400);
    expect(await db.threadStance.count({ where: { threadId: thread.id } })).toBe(0);
  });

  it("answers the body of before positions with a 400 that lists the question's positions and what to send", async () => {
    const thread = await createPositionQuestion(["Libre et ouvert diffèrent", "C’est la même chose"]);
    const [differ, same] = thread.positions.map((position) => position.id);
    const answer = await sendStance(await createMember(), thread.id, { stance: "AGREE" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe(`Envoyez {"positionId": <id> | null}. Positions de cette question : ${differ} « Libre et ouvert diffèrent », ${same} « C’est la même chose ».`);
    expect(await db.threadStance.count({ where: { threadId: thread.id } })).toBe(0);
  });
});
