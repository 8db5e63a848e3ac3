// Moderators void a credit of « Ce message m'a fait changer d'avis » (a member crediting from
// several accounts) and restore it: the post's count and every list of moves follow, the member
// cannot credit that post again, two moderators at once act once, the database refuses any other
// change, and the log and the public journal say it.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { POST as moderateCreditRoute } from "@/app/api/moderation/credits/[id]/route";
import { GET as journalRoute } from "@/app/api/moderation/journal/route";
import { GET as logRoute } from "@/app/api/moderation/log/route";
import { GET as postCreditsRoute } from "@/app/api/moderation/posts/[id]/credits/route";
import { GET as mindChangesRoute } from "@/app/api/threads/[id]/mind-changes/route";
import { GET as listPostsRoute } from "@/app/api/threads/[id]/posts/route";
import { PUT as stanceRoute } from "@/app/api/threads/[id]/stance/route";
import { logSentence } from "@/lib/moderation-log-sentence";
import { openPanelOf } from "@/lib/open-panel";
import { createPrismaClient } from "@/lib/prisma-client";
import { actorFields } from "@/lib/users";
import { createPositionQuestion } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;
const as = (member: Member | null): Record<string, string> => (member ? { cookie: member.cookie } : {});

const sendStance = (member: Member, threadId: number, json: unknown) =>
  call(stanceRoute, `/api/threads/${threadId}/stance`, { method: "PUT", params: { id: String(threadId) }, json, headers: as(member) });
const moderate = (member: Member | null, creditId: number | string, json: unknown) =>
  call(moderateCreditRoute, `/api/moderation/credits/${creditId}`, { method: "POST", params: { id: String(creditId) }, json, headers: as(member) });
const creditsOf = (member: Member | null, postId: number | string, query = "") =>
  call(postCreditsRoute, `/api/moderation/posts/${postId}/credits${query}`, { params: { id: String(postId) }, headers: as(member) });
const getActor = (id: number) => db.user.findUniqueOrThrow({ select: actorFields, where: { id } });
const countOf = async (postId: number) => (await db.post.findUniqueOrThrow({ where: { id: postId } })).mindChangeCount;

type Item = { id: number; mindChangeCount: number; moves: { count: number }[]; mindChanges: { count: number; moves: { count: number }[] } | null; can: { viewCredits: boolean } };
const mostCredited = async (threadId: number): Promise<Item[]> =>
  (await call(mindChangesRoute, `/api/threads/${threadId}/mind-changes`, { params: { id: String(threadId) } })).body.items;
const postSeenBy = async (threadId: number, postId: number, member: Member | null = null): Promise<Item> =>
  (await call(listPostsRoute, `/api/threads/${threadId}/posts?sort=old`, { params: { id: String(threadId) }, headers: as(member) })).body.items.find(
    (item: Item) => item.id === postId,
  );

/** Until this many sessions wait for a lock (the requests of a race, held by the test's transaction). */
async function waitForLockWaiters(count: number) {
  const probe = createPrismaClient(process.env.DATABASE_URL!);
  try {
    for (let tries = 0; tries < 200; tries++) {
      const [{ waiting }] = await probe.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (waiting >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${count} sessions never waited for the lock`);
  } finally {
    await probe.$disconnect();
  }
}

/**
 * A question and a post two members credited (one moving « Pour » → « Contre », one « Pour » →
 * « Mitigé »), a second post one of them credited, and a moderator.
 */
async function scene() {
  const thread = await createPositionQuestion();
  const [pour, contre, mitige] = thread.positions;
  const author = await createMember();
  const createdAt = new Date(Date.now() - 60_000);
  const [post, other] = await Promise.all(
    ["Un argument décisif", "Un autre argument"].map((body) => db.post.create({ data: { threadId: thread.id, authorId: author.id, body, bodyHtml: `<p>${body}</p>`, createdAt } })),
  );
  const creditors: Member[] = [];
  for (const [to, credited] of [[contre, [post.id, other.id]], [mitige, [post.id]]] as const) {
    const member = await createMember();
    expect((await sendStance(member, thread.id, { positionId: pour.id })).status).toBe(200);
    expect((await sendStance(member, thread.id, { positionId: to.id, creditedPostIds: credited })).status).toBe(200);
    creditors.push(member);
  }
  const credits = await db.mindChangeCredit.findMany({ where: { postId: post.id }, orderBy: { id: "asc" } });
  return { thread, pour, contre, mitige, author, post, other, creditors, credits, moderator: await createMember({ role: "MODERATOR" }) };
}

describe("voiding a credit", () => {
  it("lowers the post's count and takes its move out of the post's note and « Ce qui a fait bouger les avis »; restoring brings them back", async () => {
    const { thread, post, other, credits, moderator } = await scene();
    expect(await countOf(post.id)).toBe(2);
    expect((await mostCredited(thread.id)).map((item) => [item.id, item.mindChangeCount])).toEqual([[post.id, 2], [other.id, 1]]);

    const voided = await moderate(moderator, credits[0].id, { action: "VOID", reason: "  Comptes multiples  " });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ id: credits[0].id, postId: post.id, from: "Pour", to: "Contre", voidedAt: expect.any(String) });
    expect(await countOf(post.id)).toBe(1);
    expect((await postSeenBy(thread.id, post.id)).mindChanges).toEqual({ count: 1, moves: [expect.objectContaining({ count: 1, to: expect.objectContaining({ label: "Mitigé" }) })] });
    const listed = await mostCredited(thread.id);
    expect(listed.map((item) => [item.id, item.mindChangeCount])).toEqual([[post.id, 1], [other.id, 1]]);
    expect(listed[0].moves).toEqual([expect.objectContaining({ count: 1, to: expect.objectContaining({ label: "Mitigé" }) })]);
    // The member's other credit is theirs to keep.
    expect(await countOf(other.id)).toBe(1);

    expect((await moderate(moderator, credits[1].id, { action: "VOID", reason: "Comptes multiples" })).status).toBe(200);
    expect(await countOf(post.id)).toBe(0);
    expect((await postSeenBy(thread.id, post.id)).mindChanges).toBeNull();
    expect((await mostCredited(thread.id)).map((item) => item.id)).toEqual([other.id]);

    const restored = await moderate(moderator, credits[0].id, { action: "RESTORE" });
    expect(restored.status).toBe(200);
    expect(restored.body.voidedAt).toBeNull();
    expect(await countOf(post.id)).toBe(1);
    expect((await postSeenBy(thread.id, post.id)).mindChanges).toEqual({ count: 1, moves: [expect.objectContaining({ to: expect.objectContaining({ label: "Contre" }) })] });
    expect((await mostCredited(thread.id)).map((item) => item.id)).toEqual([post.id, other.id]);
    const row = await db.mindChangeCredit.findUniqueOrThrow({ where: { id: credits[0].id } });
    expect([row.voidedAt, row.voidedById]).toEqual([null, null]);
  });

  it("lists a post's credits to moderators, voided ones included, newest first; the page offers them « Voir les crédits » even once all are voided", async () => {
    const { thread, post, credits, creditors, moderator } = await scene();
    expect((await moderate(moderator, credits[0].id, { action: "VOID", reason: "Comptes multiples" })).status).toBe(200);
    const listed = await creditsOf(moderator, post.id);
    expect(listed.status).toBe(200);
    expect(listed.body.nextCursor).toBeNull();
    expect(listed.body.items).toEqual([
      { id: credits[1].id, postId: post.id, member: { id: creditors[1].id, name: creditors[1].name }, from: "Pour", to: "Mitigé", createdAt: expect.any(String), voidedAt: null },
      { id: credits[0].id, postId: post.id, member: { id: creditors[0].id, name: creditors[0].name }, from: "Pour", to: "Contre", createdAt: expect.any(String), voidedAt: expect.any(String) },
    ]);
    const firstPage = await creditsOf(moderator, post.id, "?limit=1");
    expect(firstPage.body.items.map((item: { id: number }) => item.id)).toEqual([credits[1].id]);
    const secondPage = await creditsOf(moderator, post.id, `?limit=1&cursor=${firstPage.body.nextCursor}`);
    expect(secondPage.body.items.map((item: { id: number }) => item.id)).toEqual([credits[0].id]);

    expect((await moderate(moderator, credits[1].id, { action: "VOID", reason: "Comptes multiples" })).status).toBe(200);
    expect((await postSeenBy(thread.id, post.id, moderator)).can.viewCredits).toBe(true);
    expect((await postSeenBy(thread.id, post.id, creditors[0])).can.viewCredits).toBe(false);
    expect((await postSeenBy(thread.id, post.id)).can.viewCredits).toBe(false);
  });

  it("is for moderators only: 401 signed out, 403 to members, the post's author and the crediting member included; nothing changes", async () => {
    const { post, author, creditors, credits } = await scene();
    for (const [member, status] of [[null, 401], [await createMember(), 403], [author, 403], [creditors[0], 403]] as const) {
      expect((await creditsOf(member, post.id)).status).toBe(status);
      const refused = await moderate(member, credits[0].id, { action: "VOID", reason: "Pour voir" });
      expect(refused.status).toBe(status);
      expect(refused.body.error.message).toMatch(/Connectez-vous|réservée à la modération/);
    }
    const suspended = await createMember({ role: "MODERATOR", suspendedUntil: null });
    expect((await creditsOf(suspended, post.id)).status).toBe(403);
    expect((await moderate(suspended, credits[0].id, { action: "VOID", reason: "Pour voir" })).status).toBe(403);
    expect(await countOf(post.id)).toBe(2);
    expect(await db.moderationLog.count({ where: { postId: post.id } })).toBe(0);
  });

  it("answers 409 in French to voiding a voided credit and to restoring one that is not; 400 to bad input, 404 to an unknown credit or post", async () => {
    const { post, credits, moderator } = await scene();
    const notVoided = await moderate(moderator, credits[0].id, { action: "RESTORE" });
    expect(notVoided.status).toBe(409);
    expect(notVoided.body.error.message).toBe("Ce crédit n’est pas annulé : il n’y a rien à rétablir.");
    expect((await moderate(moderator, credits[0].id, { action: "VOID", reason: "Comptes multiples" })).status).toBe(200);
    const twice = await moderate(moderator, credits[0].id, { action: "VOID", reason: "Encore" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe("Ce crédit est déjà annulé.");
    expect(await countOf(post.id)).toBe(1);

    for (const json of [{ action: "VOID" }, { action: "VOID", reason: "   " }, { action: "VOID", reason: "x".repeat(501) }, { action: "SUPPRIMER" }, {}, [], null, "VOID"]) {
      const answer = await moderate(moderator, credits[1].id, json);
      expect(answer.status, JSON.stringify(json)).toBe(400);
      expect(answer.body.error.issues.map((issue: { message: string }) => issue.message).join(" "), JSON.stringify(json)).toMatch(/raison|VOID/);
    }
    expect((await moderate(moderator, credits[1].id, { action: "VOID" })).body.error.issues).toEqual([{ path: "reason", message: "Indiquez la raison." }]);
    for (const id of ["abc", "0", "1e3", String(2 ** 31)]) {
      expect((await moderate(moderator, id, { action: "RESTORE" })).status, id).toBe(400);
      expect((await creditsOf(moderator, id)).status, id).toBe(400);
    }
    expect((await moderate(moderator, 2 ** 31 - 1, { action: "RESTORE" })).status).toBe(404);
    expect((await creditsOf(moderator, 2 ** 31 - 1)).status).toBe(404);
    expect((await creditsOf(moderator, post.id, "?cursor=nimportequoi")).status).toBe(400);
    expect(await countOf(post.id)).toBe(1);
  });

  it("voids once when two moderators void the same credit at once: one 200, one 409, one log entry, the count exact", async () => {
    const { post, credits, moderator } = await scene();
    const other = await createMember({ role: "MODERATOR" });
    // The credit's row is held while both requests arrive, so that both are in flight together.
    const { inFlight } = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM mind_change_credits WHERE id = ${credits[0].id} FOR UPDATE`;
      const inFlight = Promise.all([
        moderate(moderator, credits[0].id, { action: "VOID", reason: "Comptes multiples" }),
        moderate(other, credits[0].id, { action: "VOID", reason: "Faux comptes" }),
      ]);
      await waitForLockWaiters(2);
      return { inFlight };
    });
    const answers = await inFlight;
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await db.moderationLog.count({ where: { postId: post.id, action: "VOID_CREDIT" } })).toBe(1);
    expect(await countOf(post.id)).toBe(1);

    // Voids of different credits and a restore, all at once, add up.
    const restoredAndVoided = await Promise.all([moderate(moderator, credits[0].id, { action: "RESTORE" }), moderate(other, credits[1].id, { action: "VOID", reason: "Faux comptes" })]);
    expect(restoredAndVoided.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await countOf(post.id)).toBe(1);
    expect(await countOf(post.id)).toBe(await db.mindChangeCredit.count({ where: { postId: post.id, voidedAt: null } }));
  });

  it("keeps a voided member from crediting that post again (one credit per member and post, ever)", async () => {
    const { thread, pour, contre, post, creditors, credits, moderator } = await scene();
    expect((await moderate(moderator, credits[0].id, { action: "VOID", reason: "Comptes multiples" })).status).toBe(200);
    expect((await sendStance(creditors[0], thread.id, { positionId: pour.id })).status).toBe(200);
    const again = await sendStance(creditors[0], thread.id, { positionId: contre.id, creditedPostIds: [post.id] });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("une fois par membre");
    expect(await countOf(post.id)).toBe(1);
  });

  it("lets the database refuse every other change of a credit: another column, a void without its moderator, voiding twice, a delete, a credit given voided", async () => {
    const { thread, post, credits, creditors, moderator } = await scene();
    const id = credits[0].id;
    const refusals = [
      db.$executeRaw`UPDATE mind_change_credits SET created_at = now() WHERE id = ${id}`,
      db.$executeRaw`UPDATE mind_change_credits SET voided_at = now(), post_id = post_id + 0, to_position_id = from_position_id WHERE id = ${id}`,
      db.$executeRaw`UPDATE mind_change_credits SET voided_at = NULL WHERE id = ${id}`,
      db.$executeRaw`DELETE FROM mind_change_credits WHERE id = ${id}`,
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE mind_change_credits SET voided_at = now() WHERE id = ${id}`).rejects.toThrow(/mind_change_credits_void_check/);
    await expect(db.$executeRaw`UPDATE mind_change_credits SET voided_by_id = ${moderator.id} WHERE id = ${id}`).rejects.toThrow(/append-only/);

    expect(await db.$executeRaw`UPDATE mind_change_credits SET voided_at = now(), voided_by_id = ${moderator.id} WHERE id = ${id}`).toBe(1);
    expect(await countOf(post.id)).toBe(1);
    // Voiding again (another moderator, another time) would count it out twice.
    await expect(db.$executeRaw`UPDATE mind_change_credits SET voided_at = now(), voided_by_id = ${creditors[1].id} WHERE id = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE mind_change_credits SET voided_by_id = NULL WHERE id = ${id}`).rejects.toThrow(/append-only/);
    expect(await db.$executeRaw`UPDATE mind_change_credits SET voided_at = NULL, voided_by_id = NULL WHERE id = ${id}`).toBe(1);
    expect(await countOf(post.id)).toBe(2);

    const fresh = await createMember();
    const [pour, contre] = thread.positions;
    expect((await sendStance(fresh, thread.id, { positionId: pour.id })).status).toBe(200);
    expect((await sendStance(fresh, thread.id, { positionId: contre.id })).status).toBe(200);
    const change = await db.stanceChange.findFirstOrThrow({ where: { userId: fresh.id, threadId: thread.id }, orderBy: { id: "desc" } });
    await expect(db.$executeRaw`INSERT INTO mind_change_credits (change_id, thread_id, post_id, user_id, from_position_id, to_position_id, voided_at, voided_by_id)
      VALUES (${change.id}, ${thread.id}, ${post.id}, ${fresh.id}, ${pour.id}, ${contre.id}, now(), ${moderator.id})`).rejects.toThrow(/voided after it is given/);
    expect(await countOf(post.id)).toBe(2);
  });
});

describe("what moderation tells of a voided credit", () => {
  it("logs the void and the restore (the post, its question, the crediting member, the reason, before and after) and says them in French", async () => {
    const { thread, post, creditors, credits, moderator } = await scene();
    expect((await moderate(moderator, credits[0].id, { action: "VOID", reason: "Comptes multiples" })).status).toBe(200);
    expect((await moderate(moderator, credits[0].id, { action: "RESTORE" })).status).toBe(200);
    const rows = await db.moderationLog.findMany({ where: { postId: post.id }, orderBy: { id: "asc" } });
    expect(rows.map(({ actorId, action, targetType, postId, threadId, targetUserId, reason, before, after }) => ({ actorId, action, targetType, postId, threadId, targetUserId, reason, before, after }))).toEqual([
      { actorId: moderator.id, action: "VOID_CREDIT", targetType: "POST", postId: post.id, threadId: thread.id, targetUserId: creditors[0].id, reason: "Comptes multiples",
        before: { creditId: credits[0].id, voided: false }, after: { creditId: credits[0].id, voided: true } },
      { actorId: moderator.id, action: "RESTORE_CREDIT", targetType: "POST", postId: post.id, threadId: thread.id, targetUserId: creditors[0].id, reason: null,
        before: { creditId: credits[0].id, voided: true }, after: { creditId: credits[0].id, voided: false } },
    ]);

    const log = await call(logRoute, "/api/moderation/log?action=VOID_CREDIT", { headers: as(moderator) });
    expect(log.status).toBe(200);
    const entry = log.body.items.find((item: { post: { id: number } | null }) => item.post?.id === post.id);
    const sentence = (view: unknown) => logSentence(view as Parameters<typeof logSentence>[0]).map((part) => (typeof part === "string" ? part : part.text)).join("");
    expect(sentence(entry)).toBe(`${moderator.name} a annulé le crédit de ${creditors[0].name} à la contribution n° ${post.id} de ${entry.post.author.name}, dans « ${thread.title} » : « Comptes multiples ».`);
    const restore = (await call(logRoute, "/api/moderation/log?action=RESTORE_CREDIT", { headers: as(moderator) })).body.items.find((item: { post: { id: number } | null }) => item.post?.id === post.id);
    expect(sentence(restore)).toBe(`${moderator.name} a rétabli le crédit de ${creditors[0].name} à la contribution n° ${post.id} de ${restore.post.author.name}, dans « ${thread.title} ».`);
    expect(logSentence(entry).flatMap((part) => (typeof part === "string" ? [] : [part.href]))).toEqual([`/u/${moderator.id}`, `/u/${creditors[0].id}`, `/t/${thread.slug}#p-${post.id}`]);
  });

  it("shows the public journal the action and the post's number, never who credited, who acted or why", async () => {
    const { thread, post, creditors, credits, moderator } = await scene();
    expect((await moderate(moderator, credits[0].id, { action: "VOID", reason: "Raison privée du crédit" })).status).toBe(200);
    const journal = await call(journalRoute, "/api/moderation/journal?limit=100");
    const items = journal.body.items.filter((item: { target: { id: number } }) => item.target.id === post.id);
    expect(items.map((item: { action: string; target: unknown }) => ({ action: item.action, target: item.target }))).toEqual([
      { action: "VOID_CREDIT", target: { type: "POST", id: post.id, path: `/t/${thread.slug}#p-${post.id}` } },
    ]);
    const text = JSON.stringify(journal.body);
    for (const secret of [creditors[0].name, moderator.name, "Raison privée", `"id":${creditors[0].id},`]) expect(text).not.toContain(secret);
  });

  it("opens a post's credits from the address for moderators, and nothing for anyone else", async () => {
    const { post, author, creditors, moderator } = await scene();
    const address = { credits: String(post.id) };
    const opened = await openPanelOf(await getActor(moderator.id), address);
    expect(opened).toMatchObject({ kind: "credits", postId: post.id, credits: { items: [expect.anything(), expect.anything()], nextCursor: null } });
    for (const viewer of [null, await getActor(creditors[0].id), await getActor(author.id)]) expect(await openPanelOf(viewer, address)).toBeUndefined();
    // A cursor that does not parse shows the first page.
    expect((await openPanelOf(await getActor(moderator.id), { ...address, "credits-apres": "???" }))?.credits?.items).toHaveLength(2);
  });
});
