// A member's positions as their profile and GET /api/users/{id}/positions tell them: real changes
// through setStance (recorded by the stance table's trigger), read back over the route handler.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as memberPositionsRoute } from "@/app/api/users/[id]/positions/route";
import { HISTORY_PER_QUESTION, MEMBER_QUESTIONS_MAX } from "@/lib/member-positions";
import { createPrismaClient } from "@/lib/prisma-client";
import { setStance } from "@/lib/stances";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { QUESTIONS } from "@/prisma/seed/article";
import { createPositionQuestion } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => seedDatabase(db));
afterAll(() => db.$disconnect());
// Each change counts against the member's votes per minute.
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;
type Question = Awaited<ReturnType<typeof createPositionQuestion>>;

const positionsOf = (userId: number | string, viewer?: Member) =>
  call(memberPositionsRoute, `/api/users/${userId}/positions`, { params: { id: String(userId) }, headers: viewer ? { cookie: viewer.cookie } : {} });

/** A position as the API names it. */
const ref = (question: Question, ord: number) => {
  const { id, label, colour } = question.positions[ord];
  return { id, label, colour };
};

const articleQuestion = (number: number) =>
  db.thread.findFirstOrThrow({ where: { questionNumber: number }, include: { positions: { orderBy: { ord: "asc" } } } });

describe("GET /api/users/{id}/positions", () => {
  it("tells each question's current position and its history in order, the article's questions first by number, then the latest changed", async () => {
    const member = await createMember();
    const other = await createMember();
    const changed = await createPositionQuestion();
    const withdrawn = await createPositionQuestion(["Oui", "Non"]);
    const [third, first] = [await articleQuestion(3), await articleQuestion(1)];

    await setStance(member, third.id, { positionId: third.positions[1].id });
    await setStance(member, changed.id, { positionId: changed.positions[0].id });
    await setStance(other, changed.id, { positionId: changed.positions[2].id });
    await setStance(member, changed.id, { positionId: changed.positions[1].id });
    await setStance(member, withdrawn.id, { positionId: withdrawn.positions[0].id });
    await setStance(member, withdrawn.id, { positionId: null });
    // Changed last, yet listed after the article's questions.
    await setStance(member, changed.id, { positionId: changed.positions[2].id });
    await setStance(member, first.id, { positionId: first.positions[0].id });

    const { status, body } = await positionsOf(member.id);
    expect(status).toBe(200);
    expect(body.otherQuestionCount).toBe(0);
    expect(body.items.map((item: { question: { id: number } }) => item.question.id)).toEqual([first.id, third.id, changed.id, withdrawn.id]);
    expect(body.items[0].question).toEqual({ id: first.id, slug: QUESTIONS[0].slug, title: QUESTIONS[0].title, questionNumber: 1 });
    expect(body.items[2]).toEqual({
      question: { id: changed.id, slug: changed.slug, title: changed.title, questionNumber: null },
      position: ref(changed, 2),
      history: [
        { from: null, to: ref(changed, 0), at: expect.any(String) },
        { from: ref(changed, 0), to: ref(changed, 1), at: expect.any(String) },
        { from: ref(changed, 1), to: ref(changed, 2), at: expect.any(String) },
      ],
      earlierChangeCount: 0,
    });
    expect(body.items[3]).toMatchObject({
      position: null,
      history: [
        { from: null, to: ref(withdrawn, 0) },
        { from: ref(withdrawn, 0), to: null },
      ],
    });
    // Times are ISO instants, in order, recorded at the change.
    const times = body.items[2].history.map((change: { at: string }) => change.at);
    expect(times.every((at: string) => new Date(at).toISOString() === at)).toBe(true);
    expect([...times].sort()).toEqual(times);
    expect(Math.abs(Date.parse(times[2]) - Date.now())).toBeLessThan(60_000);
  });

  it("names any of a question's four positions in its colour", async () => {
    const member = await createMember();
    const four = await createPositionQuestion(["Un", "Deux", "Trois", "Quatre"]);
    await setStance(member, four.id, { positionId: four.positions[3].id });
    const { body } = await positionsOf(member.id);
    expect(body.items).toEqual([
      expect.objectContaining({ position: { id: four.positions[3].id, label: "Quatre", colour: "REDDISH_PURPLE" }, history: [expect.objectContaining({ from: null, to: ref(four, 3) })] }),
    ]);
  });

  it("tells a member who never took a position that they have none", async () => {
    const member = await createMember();
    expect(await positionsOf(member.id)).toMatchObject({ status: 200, body: { items: [], otherQuestionCount: 0 } });
  });

  it("never shows a question hidden since, to anyone: a profile is public, as its posts are", async () => {
    const member = await createMember();
    const shown = await createPositionQuestion();
    const hidden = await createPositionQuestion();
    await setStance(member, shown.id, { positionId: shown.positions[0].id });
    await setStance(member, hidden.id, { positionId: hidden.positions[0].id });
    await setStance(member, hidden.id, { positionId: hidden.positions[1].id });
    expect((await positionsOf(member.id)).body.items).toHaveLength(2);
    await db.thread.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "Doublon" } });

    for (const viewer of [undefined, await createMember(), member, await createMember({ role: "MODERATOR" }), await createMember({ role: "ADMIN" })]) {
      const { status, body } = await positionsOf(member.id, viewer);
      expect(status).toBe(200);
      expect(body.items.map((item: { question: { id: number } }) => item.question.id)).toEqual([shown.id]);
      expect(body.otherQuestionCount).toBe(0);
    }
  });

  it(`tells the last ${HISTORY_PER_QUESTION} changes of a question, oldest first, and counts the earlier ones`, async () => {
    const member = await createMember();
    const question = await createPositionQuestion(["Pour", "Contre"]);
    const changes = HISTORY_PER_QUESTION + 5;
    for (let change = 0; change < changes; change += 1) await setStance(member, question.id, { positionId: question.positions[change % 2].id });

    const [item] = (await positionsOf(member.id)).body.items;
    expect(item.earlierChangeCount).toBe(5);
    expect(item.history).toHaveLength(HISTORY_PER_QUESTION);
    // The 6th change (index 5) went from « Pour » to « Contre », and so on to the last, « Pour ».
    expect(item.history[0]).toMatchObject({ from: ref(question, 0), to: ref(question, 1) });
    expect(item.history.at(-1)).toMatchObject({ from: ref(question, 1), to: ref(question, 0) });
    expect(item.history.slice(1).every((change: { from: unknown }, index: number) => JSON.stringify(change.from) === JSON.stringify(item.history[index].to))).toBe(true);
    expect(item.position).toEqual(ref(question, 0));
  });

  it(`lists ${MEMBER_QUESTIONS_MAX} questions at most, the latest changed, and counts the others`, async () => {
    const member = await createMember();
    // Questions and stances in bulk: setStance's limit of changes per minute would take minutes.
    await db.$executeRaw`
      WITH questions AS (
        INSERT INTO threads (slug, title, body, kind, updated_at)
        SELECT 'en-masse-' || n, 'Une question en masse n° ' || n, 'Contexte.', 'POSITION', now() FROM generate_series(1, ${MEMBER_QUESTIONS_MAX + 2}) AS n
        RETURNING id
      ), positions AS (
        INSERT INTO thread_positions (thread_id, ord, label, colour) SELECT id, 0, 'Pour', 'BLUE' FROM questions RETURNING id, thread_id
      )
      INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) SELECT thread_id, ${member.id}, id, now() FROM positions`;
    const oldest = await db.stanceChange.findFirstOrThrow({ where: { userId: member.id }, orderBy: [{ changedAt: "asc" }, { id: "asc" }] });
    const question = await createPositionQuestion();
    await setStance(member, question.id, { positionId: question.positions[0].id });

    const { body } = await positionsOf(member.id);
    expect(body.items).toHaveLength(MEMBER_QUESTIONS_MAX);
    expect(body.otherQuestionCount).toBe(3);
    expect(body.items[0].question.id).toBe(question.id);
    expect(body.items.map((item: { question: { id: number } }) => item.question.id)).not.toContain(oldest.threadId);
  });

  it("answers 404 JSON for a member who does not exist", async () => {
    expect(await positionsOf(2_147_483_647)).toEqual({
      status: 404,
      headers: expect.anything(),
      body: { error: { code: "not_found", message: "Ce membre n'existe pas." } },
    });
  });

  it.each(["abc", "0", "-1", "1e3", "1.5", " 12", "0x10", String(2 ** 40), ""])("answers 400 with a French issue for the id %j, never a 500", async (id) => {
    const { status, body } = await positionsOf(id);
    expect(status).toBe(400);
    expect(body.error).toEqual({
      code: "bad_request",
      message: "Paramètres invalides (params).",
      issues: [{ path: "id", message: "Un identifiant est un nombre entier de 1 à 2147483647, écrit en chiffres." }],
    });
  });
});
