import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PUT as votePostRoute } from "@/app/api/posts/[id]/vote/route";
import { PUT as stanceRoute } from "@/app/api/threads/[id]/stance/route";
import { PUT as voteThreadRoute } from "@/app/api/threads/[id]/vote/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { createThreadRow } from "../support/factories";
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
const takeStance = (member: Member | null, threadId: number, stance: unknown) =>
  call(stanceRoute, `/api/threads/${threadId}/stance`, { method: "PUT", params: { id: String(threadId) }, json: { stance }, headers: member ? { cookie: member.cookie } : {} });

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
  async function positionThread() {
    const thread = await createThreadRow();
    return db.thread.update({ where: { id: thread.id }, data: { kind: "POSITION" } });
  }

  it("takes, changes and withdraws a stance, with an exact tally", async () => {
    const thread = await positionThread();
    const [a, b] = [await createMember(), await createMember()];
    expect((await takeStance(a, thread.id, "AGREE")).body).toEqual({ agree: 1, disagree: 0, nuanced: 0, myStance: "AGREE" });
    expect((await takeStance(b, thread.id, "NUANCED")).body).toEqual({ agree: 1, disagree: 0, nuanced: 1, myStance: "NUANCED" });
    expect((await takeStance(a, thread.id, "AGREE")).body).toEqual({ agree: 1, disagree: 0, nuanced: 1, myStance: "AGREE" });
    expect((await takeStance(a, thread.id, "DISAGREE")).body).toEqual({ agree: 0, disagree: 1, nuanced: 1, myStance: "DISAGREE" });
    expect((await takeStance(b, thread.id, null)).body).toEqual({ agree: 0, disagree: 1, nuanced: 0, myStance: null });
    expect(await db.threadStance.count({ where: { threadId: thread.id } })).toBe(1);
  });

  it("stays exact when 30 members take stances at once", async () => {
    const thread = await positionThread();
    const members = await Promise.all(Array.from({ length: 30 }, () => createMember()));
    await Promise.all(members.map((member, i) => takeStance(member, thread.id, ["AGREE", "DISAGREE", "NUANCED"][i % 3])));
    const stored = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect([stored.agreeCount, stored.disagreeCount, stored.nuancedCount]).toEqual([10, 10, 10]);
  });

  it("moves the tallies with the stance rows whatever writes them (SQL outside the API included)", async () => {
    const thread = await positionThread();
    const [a, b] = [await createMember(), await createMember()];
    const tally = async () => {
      const stored = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });
      return [stored.agreeCount, stored.disagreeCount, stored.nuancedCount];
    };
    await db.$executeRaw`INSERT INTO thread_stances (thread_id, user_id, stance, updated_at) VALUES (${thread.id}, ${a.id}, 'AGREE', now()), (${thread.id}, ${b.id}, 'AGREE', now())`;
    expect(await tally()).toEqual([2, 0, 0]);
    await db.$executeRaw`UPDATE thread_stances SET stance = 'NUANCED' WHERE thread_id = ${thread.id} AND user_id = ${a.id}`;
    expect(await tally()).toEqual([1, 0, 1]);
    await db.$executeRaw`DELETE FROM thread_stances WHERE thread_id = ${thread.id}`;
    expect(await tally()).toEqual([0, 0, 0]);
  });

  it("answers 404 for a hidden question and keeps the stance taken before", async () => {
    const thread = await positionThread();
    const member = await createMember();
    await takeStance(member, thread.id, "AGREE");
    await db.thread.update({ where: { id: thread.id }, data: { hiddenAt: new Date() } });
    expect((await takeStance(member, thread.id, null)).status).toBe(404);
    expect((await takeStance(member, 999_999, "AGREE")).status).toBe(404);
    expect(await db.threadStance.count({ where: { threadId: thread.id } })).toBe(1);
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).agreeCount).toBe(1);
  });

  it("refuses an OPEN question (409), an anonymous (401) or suspended (403) member, a bad stance (400)", async () => {
    const open = await createThreadRow();
    expect((await takeStance(await createMember(), open.id, "AGREE")).status).toBe(409);
    const thread = await positionThread();
    expect((await takeStance(null, thread.id, "AGREE")).status).toBe(401);
    expect((await takeStance(await createMember({ suspendedUntil: null }), thread.id, "AGREE")).status).toBe(403);
    expect((await takeStance(await createMember(), thread.id, "MAYBE")).status).toBe(400);
    expect(await db.threadStance.count({ where: { threadId: thread.id } })).toBe(0);
  });
});
