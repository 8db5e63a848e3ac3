// What both sides endorse (issue 14): each post's votes counted by the voter's current position,
// exact under concurrent votes and changes of position; the consensus score checked against a
// computation of its own from the vote and stance rows; the `consensus` sort through the API, both
// ways; « Points d'accord ».
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PUT as votePostRoute } from "@/app/api/posts/[id]/vote/route";
import { GET as listPostsRoute } from "@/app/api/threads/[id]/posts/route";
import { PUT as stanceRoute } from "@/app/api/threads/[id]/stance/route";
import { listQuestionHighlights } from "@/lib/question-highlights";
import { createPrismaClient } from "@/lib/prisma-client";
import { encodeCursor } from "@/lib/schemas/pagination";
import { createPositionQuestion, createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;
type Question = Awaited<ReturnType<typeof createPositionQuestion>>;

const votePost = (member: Member, postId: number, value: -1 | 0 | 1) =>
  call(votePostRoute, `/api/posts/${postId}/vote`, { method: "PUT", params: { id: String(postId) }, json: { value }, headers: { cookie: member.cookie } });
const takeStance = (member: Member, threadId: number, positionId: number | null) =>
  call(stanceRoute, `/api/threads/${threadId}/stance`, { method: "PUT", params: { id: String(threadId) }, json: { positionId }, headers: { cookie: member.cookie } });
const listPosts = (threadId: number, query: string) => call(listPostsRoute, `/api/threads/${threadId}/posts?${query}`, { params: { id: String(threadId) } });

async function newPost(threadId: number, body: string) {
  const author = await createMember();
  return db.post.create({ data: { threadId, authorId: author.id, body, bodyHtml: `<p>${body}</p>` } });
}

/**
 * Each post's votes by position, counted here from the vote and stance rows (not from the stored
 * counters), and the consensus computed from them: the product over the question's positions of
 * (up + 1) / (up + down + 2).
 */
async function expectedFromRows(question: Question) {
  const [votes, stances, posts] = await Promise.all([
    db.postVote.findMany({ where: { post: { threadId: question.id } } }),
    db.threadStance.findMany({ where: { threadId: question.id } }),
    db.post.findMany({ where: { threadId: question.id }, select: { id: true } }),
  ]);
  const positionOf = new Map(stances.map((stance) => [stance.userId, stance.positionId]));
  return new Map(
    posts.map(({ id }) => {
      const mine = votes.filter((vote) => vote.postId === id);
      const byPosition = question.positions.map((position) => ({
        positionId: position.id,
        up: mine.filter((vote) => vote.value === 1 && positionOf.get(vote.userId) === position.id).length,
        down: mine.filter((vote) => vote.value === -1 && positionOf.get(vote.userId) === position.id).length,
      }));
      const withoutPosition = {
        up: mine.filter((vote) => vote.value === 1 && !positionOf.has(vote.userId)).length,
        down: mine.filter((vote) => vote.value === -1 && !positionOf.has(vote.userId)).length,
      };
      const consensus = byPosition.reduce((product, { up, down }) => (product * (up + 1)) / (up + down + 2), 1);
      return [id, { byPosition, withoutPosition, consensus }];
    }),
  );
}

/** « Points d'accord » of a question, as its page reads them (with « Les arguments », in one statement). */
const listAgreementPoints = async (question: Parameters<typeof listQuestionHighlights>[0]) => (await listQuestionHighlights(question)).agreementPoints;

describe("votes by position, under concurrency", () => {
  it("equal a recount from the vote and stance rows after 50 members vote, withdraw and change positions at once", { timeout: 60_000 }, async () => {
    const question = await createPositionQuestion();
    const ids = question.positions.map((position) => position.id);
    const posts = await Promise.all([1, 2, 3, 4].map((n) => newPost(question.id, `Avis ${n}`)));
    const members = await Promise.all(Array.from({ length: 50 }, () => createMember()));
    // A first stance for most, and a first vote for some, so that changes have votes to move.
    await Promise.all(members.map((member, i) => (i % 7 === 0 ? null : takeStance(member, question.id, ids[i % 3]))));
    await Promise.all(members.map((member, i) => (i % 2 === 0 ? votePost(member, posts[i % 4].id, i % 3 === 0 ? -1 : 1) : null)));
    // Then 50 actors at once, each voting on two posts (or withdrawing) while changing or
    // withdrawing their position; every other one fires its vote and its change together, so that
    // a member's own vote and stance cross each other's way too.
    const answers = (
      await Promise.all(
        members.map(async (member, i) => {
          const vote = () => votePost(member, posts[i % 4].id, ([1, -1, 0] as const)[i % 3]);
          const change = () => takeStance(member, question.id, i % 5 === 0 ? null : ids[(i + 1) % 3]);
          const first = i % 2 === 0 ? await Promise.all([vote(), change()]) : [await vote(), await change()];
          const second = await votePost(member, posts[(i + 1) % 4].id, i % 4 === 0 ? -1 : 1);
          const third = i % 3 === 0 ? await takeStance(member, question.id, ids[(i + 2) % 3]) : await votePost(member, posts[(i + 2) % 4].id, 0);
          return [...first, second, third];
        }),
      )
    ).flat();
    expect(answers.filter((answer) => answer.status !== 200).map((answer) => `${answer.status} ${JSON.stringify(answer.body)}`)).toEqual([]);

    const stored = await db.post.findMany({ where: { threadId: question.id }, orderBy: { id: "asc" } });
    const recounted = new Map(
      (await db.$queryRaw<{ post: number; ups: number[]; downs: number[] }[]>`SELECT post, ups, downs FROM agora_recount_position_votes()`).map((row) => [row.post, row]),
    );
    const expected = await expectedFromRows(question);
    for (const post of stored) {
      // Every post of a position question has its row in the recount.
      expect(recounted.get(post.id), `post ${post.id}`).toBeDefined();
      expect({ ups: post.positionUpvotes, downs: post.positionDownvotes }).toEqual({ ups: recounted.get(post.id)!.ups, downs: recounted.get(post.id)!.downs });
      const [up, down] = await Promise.all([db.postVote.count({ where: { postId: post.id, value: 1 } }), db.postVote.count({ where: { postId: post.id, value: -1 } })]);
      expect({ up: post.upvotes, down: post.downvotes }).toEqual({ up, down });
      expect(post.consensus).toBeCloseTo(expected.get(post.id)!.consensus, 12);
    }
    // The scenario did move votes: some post has votes in more than one position.
    expect(stored.some((post) => post.positionUpvotes.filter((count) => count > 0).length > 1)).toBe(true);
  });
});

describe("the consensus score", () => {
  it("is the product over positions of (up + 1) / (up + down + 2), computed here from the rows, and orders sort=consensus", async () => {
    const question = await createPositionQuestion(["Pour", "Contre", "Mitigé"]);
    const [pour, contre, mitige] = question.positions.map((position) => position.id);
    const camp = async (positionId: number | null, count: number) => {
      const members = await Promise.all(Array.from({ length: count }, () => createMember()));
      if (positionId) await Promise.all(members.map((member) => takeStance(member, question.id, positionId)));
      return members;
    };
    const [pours, contres, mitiges, neutres] = [await camp(pour, 3), await camp(contre, 2), await camp(mitige, 2), await camp(null, 2)];
    const post = {
      everyone: await newPost(question.id, "Approuvée par tous"),
      onePosition: await newPost(question.id, "Approuvée par un seul camp"),
      unvoted: await newPost(question.id, "Sans vote"),
      divided: await newPost(question.id, "Divise"),
      rejected: await newPost(question.id, "Rejetée par tous"),
      neutral: await newPost(question.id, "Votée sans position"),
      lukewarm: await newPost(question.id, "Approuvée du bout des lèvres"),
    };
    const votes: (readonly [Member, { id: number }, -1 | 1])[] = [
      ...pours.map((member) => [member, post.everyone, 1] as const),
      [contres[0], post.everyone, 1], [contres[1], post.everyone, -1], [mitiges[0], post.everyone, 1],
      ...pours.map((member) => [member, post.onePosition, 1] as const),
      [pours[0], post.divided, 1], [pours[1], post.divided, 1], [contres[0], post.divided, -1], [contres[1], post.divided, -1], [mitiges[1], post.divided, 1],
      [pours[2], post.rejected, -1], [contres[0], post.rejected, -1], [mitiges[0], post.rejected, -1],
      [neutres[0], post.neutral, 1], [neutres[1], post.neutral, -1],
      [pours[0], post.lukewarm, 1], [pours[1], post.lukewarm, -1], [contres[0], post.lukewarm, 1], [contres[1], post.lukewarm, -1], [mitiges[0], post.lukewarm, 1],
    ];
    for (const [member, target, value] of votes) expect((await votePost(member, target.id, value)).status).toBe(200);
    // A member changes sides after voting: their votes count under their new position.
    await takeStance(mitiges[1], question.id, contre);

    const expected = await expectedFromRows(question);
    // Hand-checked values of the independent computation (3 positions: 1/8 without any vote).
    expect(expected.get(post.unvoted.id)!.consensus).toBe(1 / 8);
    expect(expected.get(post.everyone.id)!.consensus).toBeCloseTo((4 / 5) * (2 / 4) * (2 / 3), 12);
    expect(expected.get(post.onePosition.id)!.consensus).toBeCloseTo((4 / 5) * (1 / 2) * (1 / 2), 12);
    // The member who moved took their up-vote from « Mitigé » to « Contre ».
    expect(expected.get(post.divided.id)!.byPosition.map(({ up, down }) => [up, down])).toEqual([[2, 0], [1, 2], [0, 0]]);
    expect(expected.get(post.lukewarm.id)!.consensus).toBeCloseTo((2 / 4) * (2 / 4) * (2 / 3), 12);

    const stored = await db.post.findMany({ where: { threadId: question.id } });
    for (const row of stored) expect(row.consensus, `post ${row.body}`).toBeCloseTo(expected.get(row.id)!.consensus, 12);

    // The API tells each post's votes by position, those without one, and its consensus.
    const { status, body } = await listPosts(question.id, "sort=consensus");
    expect(status).toBe(200);
    for (const item of body.items) {
      const want = expected.get(item.id)!;
      expect({ byPosition: item.votesByPosition, withoutPosition: item.votesWithoutPosition }).toEqual({ byPosition: want.byPosition, withoutPosition: want.withoutPosition });
      expect(item.consensus).toBeCloseTo(want.consensus, 12);
    }
    // Highest consensus first, ties to the newer post (as the index orders them).
    const order = [...expected.entries()].sort(([a, x], [b, y]) => y.consensus - x.consensus || b - a).map(([id]) => id);
    expect(body.items.map((item: { id: number }) => item.id)).toEqual(order);
    expect(order[0]).toBe(post.everyone.id);

    // « Points d'accord »: only the posts up-voted from each position (not « divided » any more,
    // nor « onePosition » despite its score), most consensual first.
    const thread = await db.thread.findUniqueOrThrow({ where: { id: question.id }, include: { positions: { orderBy: { ord: "asc" } }, facets: true } });
    const points = await listAgreementPoints(thread);
    expect(points.map((point) => point.id)).toEqual([post.everyone.id, post.lukewarm.id]);
    expect(points[0].votes.map(({ position, up, down }) => [position.label, up, down])).toEqual([["Pour", 3, 0], ["Contre", 1, 1], ["Mitigé", 1, 0]]);
    expect(points[0]).toMatchObject({ excerpt: "Approuvée par tous", authorName: expect.any(String), writtenFrom: null });
    // A hidden post is no point of agreement, and neither is one of a question with an empty camp.
    await db.post.update({ where: { id: post.everyone.id }, data: { hiddenAt: new Date() } });
    expect((await listAgreementPoints(thread)).map((point) => point.id)).toEqual([post.lukewarm.id]);
    expect(await listAgreementPoints({ ...thread, positions: thread.positions.map((position, i) => ({ ...position, stanceCount: i === 2 ? 0 : position.stanceCount })) })).toEqual([]);
  });

  it("is null on an open question, whose posts have no votes by position", async () => {
    const open = await createThreadRow();
    await newPost(open.id, "Un avis");
    const { body } = await listPosts(open.id, "sort=best");
    expect(body.items[0]).toMatchObject({ votesByPosition: null, votesWithoutPosition: null, consensus: null });
    expect(await listAgreementPoints({ ...open, positions: [], facets: [] })).toEqual([]);
  });
});

describe("sort=consensus through GET /api/threads/{id}/posts", () => {
  it("pages forwards with cursor and backwards with before, in the order of one page", async () => {
    const question = await createPositionQuestion(["Oui", "Non"]);
    const [oui, non] = question.positions.map((position) => position.id);
    const voters = await Promise.all(Array.from({ length: 4 }, () => createMember()));
    await Promise.all(voters.map((voter, i) => takeStance(voter, question.id, i % 2 === 0 ? oui : non)));
    const posts = [];
    for (let n = 0; n < 7; n += 1) posts.push(await newPost(question.id, `Avis ${n}`));
    // Distinct scores for some, ties (unvoted posts) for the rest.
    for (const [i, value] of [[0, 1], [1, 1], [2, 1], [3, -1]] as const) await votePost(voters[i], posts[0].id, value);
    for (const [i, value] of [[0, 1], [1, -1]] as const) await votePost(voters[i], posts[1].id, value);
    await votePost(voters[1], posts[2].id, -1);
    await votePost(voters[0], posts[3].id, 1);

    const whole = (await listPosts(question.id, "sort=consensus")).body.items.map((item: { id: number }) => item.id);
    expect(whole).toHaveLength(7);
    const forward: number[] = [];
    const cursors: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: number }[]; nextCursor: string | null; previousCursor: string | null } } = await listPosts(
        question.id,
        `sort=consensus&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      forward.push(...page.body.items.map((item) => item.id));
      if (page.body.previousCursor) cursors.push(page.body.previousCursor);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(forward).toEqual(whole);
    // Back from the last page: the page before it.
    const back = await listPosts(question.id, `sort=consensus&limit=3&before=${cursors.at(-1)}`);
    expect(back.status).toBe(200);
    expect(back.body.items.map((item: { id: number }) => item.id)).toEqual(whole.slice(3, 6));
  });

  it("answers 400 in French on an open question, and for a cursor of another sort", async () => {
    const open = await createThreadRow();
    await newPost(open.id, "Un avis");
    const refused = await listPosts(open.id, "sort=consensus");
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("n'existe que pour les prises de position");

    const question = await createPositionQuestion();
    for (let n = 0; n < 3; n += 1) await newPost(question.id, `Avis ${n}`);
    const best = await listPosts(question.id, "sort=best&limit=1");
    const crossed = await listPosts(question.id, `sort=consensus&cursor=${best.body.nextCursor}`);
    expect(crossed.status).toBe(400);
    expect(crossed.body.error.message).toBe("Ce curseur appartient à un autre tri.");
    // A consensus cursor is a number: a date in it is refused, not run.
    const forged = encodeCursor({ s: "consensus", v: "2026-01-01T00:00:00Z", id: 1 });
    expect((await listPosts(question.id, `sort=consensus&cursor=${forged}`)).status).toBe(400);
  });
});
