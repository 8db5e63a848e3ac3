// « Ce message m'a fait changer d'avis »: credits given with a real change of position, by the
// rules of lib/authorization.ts creditPermission, in the change's transaction; what the question
// shows of them (« Ce qui a fait bouger les avis », a post's « a fait changer d'avis N membres »).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as mindChangesRoute } from "@/app/api/threads/[id]/mind-changes/route";
import { GET as listPostsRoute } from "@/app/api/threads/[id]/posts/route";
import { PUT as stanceRoute } from "@/app/api/threads/[id]/stance/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { createPositionQuestion } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;

const sendStance = (member: Member, threadId: number, json: unknown) =>
  call(stanceRoute, `/api/threads/${threadId}/stance`, { method: "PUT", params: { id: String(threadId) }, json, headers: { cookie: member.cookie } });
const mostCredited = (threadId: number) => call(mindChangesRoute, `/api/threads/${threadId}/mind-changes`, { params: { id: String(threadId) } });
const creditsOf = (postId: number) => db.mindChangeCredit.count({ where: { postId } });

/** A question, a member holding its first position, and three posts by others written before any change. */
async function scene() {
  const thread = await createPositionQuestion();
  const [pour, contre, mitige] = thread.positions;
  const member = await createMember();
  expect((await sendStance(member, thread.id, { positionId: pour.id })).status).toBe(200);
  const authors = await Promise.all([createMember(), createMember(), createMember()]);
  const createdAt = new Date(Date.now() - 60_000);
  const posts = await Promise.all(
    authors.map((author, index) => db.post.create({ data: { threadId: thread.id, authorId: author.id, body: `Argument ${index}`, bodyHtml: `<p>Argument ${index}</p>`, createdAt } })),
  );
  return { thread, pour, contre, mitige, member, authors, posts };
}

describe("crediting posts with a change of position", () => {
  it("credits up to three posts in the change's action, and each post shows the move", async () => {
    const { thread, pour, contre, member, posts } = await scene();
    const answer = await sendStance(member, thread.id, { positionId: contre.id, creditedPostIds: [posts[0].id, posts[1].id] });
    expect(answer.status).toBe(200);
    const credits = await db.mindChangeCredit.findMany({ where: { userId: member.id }, orderBy: { postId: "asc" } });
    expect(credits.map((credit) => [credit.postId, credit.fromPositionId, credit.toPositionId])).toEqual([
      [posts[0].id, pour.id, contre.id],
      [posts[1].id, pour.id, contre.id],
    ]);
    // Tied to the change recorded in the same transaction.
    const change = await db.stanceChange.findFirstOrThrow({ where: { userId: member.id, threadId: thread.id }, orderBy: { id: "desc" } });
    expect(credits.every((credit) => credit.changeId === change.id)).toBe(true);

    const listed = await call(listPostsRoute, `/api/threads/${thread.id}/posts?sort=old`, { params: { id: String(thread.id) } });
    const first = listed.body.items.find((item: { id: number }) => item.id === posts[0].id);
    expect(first.mindChanges).toEqual({
      count: 1,
      moves: [{ from: { id: pour.id, label: "Pour", colour: "BLUE" }, to: { id: contre.id, label: "Contre", colour: "ORANGE" }, count: 1 }],
    });
    expect(listed.body.items.find((item: { id: number }) => item.id === posts[2].id).mindChanges).toBeNull();
  });

  it.each([
    ["a first stance", "first"],
    ["a withdrawal", "withdraw"],
    ["no change (the same position again)", "same"],
  ])("refuses credits with %s, and writes neither the stance nor a credit", async (_label, kind) => {
    const { thread, pour, contre, posts } = await scene();
    const member = await createMember();
    if (kind !== "first") expect((await sendStance(member, thread.id, { positionId: pour.id })).status).toBe(200);
    const changesBefore = await db.stanceChange.count({ where: { userId: member.id } });
    const positionId = kind === "withdraw" ? null : kind === "same" ? pour.id : contre.id;
    const answer = await sendStance(member, thread.id, { positionId, creditedPostIds: [posts[0].id] });
    expect(answer.status).toBe(409);
    expect(answer.body.error.issues[0].path).toMatch(/^creditedPostIds/);
    expect(await db.stanceChange.count({ where: { userId: member.id } })).toBe(changesBefore);
    expect(await creditsOf(posts[0].id)).toBe(0);
    const stance = await db.threadStance.findUnique({ where: { threadId_userId: { threadId: thread.id, userId: member.id } } });
    expect(stance?.positionId ?? null).toBe(kind === "first" ? null : pour.id);
  });

  it("refuses one's own post, a hidden or deleted one, one of another question, one written after the change; the change is undone with it", async () => {
    const { thread, contre, member, posts } = await scene();
    const own = await db.post.create({ data: { threadId: thread.id, authorId: member.id, body: "Le mien", createdAt: new Date(Date.now() - 60_000) } });
    const hidden = await db.post.update({ where: { id: posts[1].id }, data: { hiddenAt: new Date(), hiddenReason: "Hors sujet" } });
    const deleted = await db.post.update({ where: { id: posts[2].id }, data: { deletedAt: new Date() } });
    const other = await scene();
    const later = await db.post.create({ data: { threadId: thread.id, authorId: other.member.id, body: "Plus tard", createdAt: new Date(Date.now() + 60_000) } });
    for (const [postId, status, words] of [
      [own.id, 403, "propre"],
      [hidden.id, 404, "plus visible"],
      [deleted.id, 404, "plus visible"],
      [other.posts[0].id, 404, "plus visible"],
      [later.id, 409, "postérieur"],
      [2 ** 31 - 1, 404, "plus visible"],
    ] as const) {
      const answer = await sendStance(member, thread.id, { positionId: contre.id, creditedPostIds: [posts[0].id, postId] });
      expect(answer.status, `post ${postId}`).toBe(status);
      expect(answer.body.error.message).toContain(words);
      // The refusal names the post's place in the list.
      expect(answer.body.error.issues).toEqual([{ path: "creditedPostIds.1", message: answer.body.error.message }]);
    }
    expect(await db.mindChangeCredit.count({ where: { userId: member.id } })).toBe(0);
    expect((await db.threadStance.findUniqueOrThrow({ where: { threadId_userId: { threadId: thread.id, userId: member.id } } })).positionId).not.toBe(contre.id);
  });

  it("counts a post once per member: flipping back and forth earns it nothing more", async () => {
    const { thread, pour, contre, member, posts } = await scene();
    expect((await sendStance(member, thread.id, { positionId: contre.id, creditedPostIds: [posts[0].id] })).status).toBe(200);
    const again = await sendStance(member, thread.id, { positionId: pour.id, creditedPostIds: [posts[0].id] });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("une fois par membre");
    expect(await creditsOf(posts[0].id)).toBe(1);
    expect((await db.post.findUniqueOrThrow({ where: { id: posts[0].id } })).mindChangeCount).toBe(1);
  });

  it("refuses a fourth post, a post twice in one list, and ids that are not ids (400)", async () => {
    const { thread, contre, member, posts } = await scene();
    for (const creditedPostIds of [[1, 2, 3, 4], [posts[0].id, posts[0].id], ["1"], [0], [-1], [1.5], [2 ** 40], "1", { 0: 1 }]) {
      const answer = await sendStance(member, thread.id, { positionId: contre.id, creditedPostIds });
      expect(answer.status, JSON.stringify(creditedPostIds)).toBe(400);
      expect(answer.body.error.issues[0].path).toMatch(/^creditedPostIds/);
    }
    expect(await db.mindChangeCredit.count({ where: { userId: member.id } })).toBe(0);
  });

  it("lets the database refuse what no caller may write: a credit of no real change, a fourth per change, an update or a delete", async () => {
    const { thread, contre, member, posts, authors } = await scene();
    const firstChange = await db.stanceChange.findFirstOrThrow({ where: { userId: member.id, threadId: thread.id } });
    const insert = (changeId: number, postId: number) =>
      db.$executeRaw`INSERT INTO mind_change_credits (change_id, thread_id, post_id, user_id, from_position_id, to_position_id)
        VALUES (${changeId}, ${thread.id}, ${postId}, ${member.id}, 1, 2)`;
    // The first stance is no change from one position to another.
    await expect(insert(firstChange.id, posts[0].id)).rejects.toThrow(/from one position to another/);
    expect((await sendStance(member, thread.id, { positionId: contre.id, creditedPostIds: [posts[0].id, posts[1].id, posts[2].id] })).status).toBe(200);
    const change = await db.stanceChange.findFirstOrThrow({ where: { userId: member.id, threadId: thread.id }, orderBy: { id: "desc" } });
    const fourth = await db.post.create({ data: { threadId: thread.id, authorId: authors[0].id, body: "Encore", createdAt: new Date(Date.now() - 60_000) } });
    await expect(insert(change.id, fourth.id)).rejects.toThrow(/3 posts at most/);
    await expect(db.$executeRaw`UPDATE mind_change_credits SET post_id = ${fourth.id} WHERE change_id = ${change.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM mind_change_credits WHERE change_id = ${change.id}`).rejects.toThrow(/append-only/);
    // The positions stored are the change's, whatever an insert says.
    const credit = await db.mindChangeCredit.findFirstOrThrow({ where: { changeId: change.id } });
    expect([credit.fromPositionId, credit.toPositionId]).toEqual([change.fromPositionId, change.toPositionId]);
  });

  it("lists the question's credited posts most credited first; a hidden post's credits stop counting while it is hidden", async () => {
    const { thread, pour, contre, mitige, posts } = await scene();
    // Three members move and credit: post 1 twice, post 0 once.
    for (const credited of [[posts[1].id], [posts[1].id, posts[0].id]]) {
      const member = await createMember();
      expect((await sendStance(member, thread.id, { positionId: pour.id })).status).toBe(200);
      expect((await sendStance(member, thread.id, { positionId: credited.length === 1 ? mitige.id : contre.id, creditedPostIds: credited })).status).toBe(200);
    }
    const listed = await mostCredited(thread.id);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: number; mindChangeCount: number }) => [item.id, item.mindChangeCount])).toEqual([
      [posts[1].id, 2],
      [posts[0].id, 1],
    ]);
    expect(listed.body.items[0].moves.map((move: { from: { label: string }; to: { label: string } }) => `${move.from.label} → ${move.to.label}`).sort()).toEqual([
      "Pour → Contre",
      "Pour → Mitigé",
    ]);
    expect(listed.body.items[0].excerpt).toBe("Argument 1");

    await db.post.update({ where: { id: posts[1].id }, data: { hiddenAt: new Date(), hiddenReason: "Hors sujet" } });
    expect((await mostCredited(thread.id)).body.items.map((item: { id: number }) => item.id)).toEqual([posts[0].id]);
    await db.post.update({ where: { id: posts[1].id }, data: { hiddenAt: null, hiddenReason: null } });
    expect((await mostCredited(thread.id)).body.items.map((item: { id: number }) => item.id)).toEqual([posts[1].id, posts[0].id]);
  });

  it("answers 404 for the credits of a hidden or unknown question, 400 for a bad id", async () => {
    const { thread } = await scene();
    await db.thread.update({ where: { id: thread.id }, data: { hiddenAt: new Date(), hiddenReason: "Doublon" } });
    expect((await mostCredited(thread.id)).status).toBe(404);
    expect((await mostCredited(2 ** 31 - 1)).status).toBe(404);
    const bad = await call(mindChangesRoute, "/api/threads/abc/mind-changes", { params: { id: "abc" } });
    expect(bad.status).toBe(400);
  });

  it("limits how many changes one member credits a day (429), counting only the credited changes that were saved", async () => {
    const { thread, pour, contre, member, authors } = await scene();
    const many = await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        db.post.create({ data: { threadId: thread.id, authorId: authors[index % 3].id, body: `Encore ${index}`, createdAt: new Date(Date.now() - 60_000) } }),
      ),
    );
    for (let index = 0; index < 6; index++) {
      expect((await sendStance(member, thread.id, { positionId: index % 2 === 0 ? contre.id : pour.id, creditedPostIds: [many[index].id] })).status).toBe(200);
    }
    const refused = await sendStance(member, thread.id, { positionId: contre.id, creditedPostIds: [many[6].id] });
    expect(refused.status).toBe(429);
    expect(await creditsOf(many[6].id)).toBe(0);
    // The change itself was undone with the refused credit.
    expect((await db.threadStance.findUniqueOrThrow({ where: { threadId_userId: { threadId: thread.id, userId: member.id } } })).positionId).toBe(pour.id);
  });

  it("serialises two concurrent credits of the same post by one member: one is saved", async () => {
    const { thread, contre, mitige, member, posts } = await scene();
    const answers = await Promise.all([
      sendStance(member, thread.id, { positionId: contre.id, creditedPostIds: [posts[0].id] }),
      sendStance(member, thread.id, { positionId: mitige.id, creditedPostIds: [posts[0].id] }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await creditsOf(posts[0].id)).toBe(1);
  });
});
