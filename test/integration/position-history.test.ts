// GET /api/threads/{id}/positions/history: the tally at the end of every day or week since a
// question's first stance, from the recorded changes; its last point is the tally the question
// shows. Hostile input is a 4xx, never a 500, and a long history costs one bounded query.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as historyRoute } from "@/app/api/threads/[id]/positions/history/route";
import { PUT as stanceRoute } from "@/app/api/threads/[id]/stance/route";
import { HISTORY_POINTS_MAX, type PositionHistory, positionHistoryOf, stanceDeltasQuery } from "@/lib/position-history";
import { createPrismaClient } from "@/lib/prisma-client";
import { withClient } from "@/scripts/db/admin";
import { requireThread } from "@/lib/threads";
import { createPositionQuestion, createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";
import { type StanceEvent, writeStanceHistory } from "../support/stance-history";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;
type Question = Awaited<ReturnType<typeof createPositionQuestion>>;

const DAY_MS = 86_400_000;
const todayMs = () => Math.floor(Date.now() / DAY_MS) * DAY_MS;
/** Noon (UTC) of the day `days` ago. */
const daysAgo = (days: number) => new Date(todayMs() - days * DAY_MS + DAY_MS / 2);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const history = (threadId: number | string, query = "", cookie?: string) =>
  call(historyRoute, `/api/threads/${threadId}/positions/history${query}`, { params: { id: String(threadId) }, headers: cookie ? { cookie } : {} });
const takeStance = (member: Member, threadId: number, positionId: number | null) =>
  call(stanceRoute, `/api/threads/${threadId}/stance`, { method: "PUT", params: { id: String(threadId) }, json: { positionId }, headers: { cookie: member.cookie } });
const writeHistory = (threadId: number, events: StanceEvent[]) => withClient(process.env.DATABASE_URL!, (client) => writeStanceHistory(client, threadId, events));

/** The positions' stored tallies, as the question's page shows them. */
async function storedTally(threadId: number) {
  const positions = await db.threadPosition.findMany({ where: { threadId }, orderBy: { ord: "asc" } });
  return Object.fromEntries(positions.map((position) => [String(position.id), position.stanceCount]));
}

/** The counts of every point, in the positions' order. */
const series = (body: PositionHistory) => body.points.map((point) => body.positions.map((position) => point.counts[position.id]));

async function members(count: number) {
  return Promise.all(Array.from({ length: count }, () => createMember()));
}

describe("the series of a question", () => {
  it("gives the tally at the end of every day since the first stance, days without change repeating the one before", async () => {
    const question = await createPositionQuestion();
    const [pour, contre, mitige] = question.positions.map((position) => position.id);
    const [a, b, c] = await members(3);
    await writeHistory(question.id, [
      { userId: a.id, positionId: pour, at: daysAgo(10) },
      { userId: b.id, positionId: pour, at: daysAgo(10) },
      { userId: c.id, positionId: contre, at: daysAgo(8) },
      { userId: b.id, positionId: contre, at: daysAgo(5) },
      { userId: a.id, positionId: null, at: daysAgo(3) },
      { userId: c.id, positionId: mitige, at: daysAgo(3) },
    ]);

    const { status, body } = await history(question.id);
    expect(status).toBe(200);
    expect(body.granularity).toBe("day");
    expect(body.positions).toEqual(question.positions.map(({ id, label, colour }) => ({ id, label, colour })));
    expect(body.points.map((point: { start: string }) => point.start)).toEqual(Array.from({ length: 11 }, (_, i) => isoDay(daysAgo(10 - i))));
    expect(series(body)).toEqual([
      [2, 0, 0], [2, 0, 0],
      [2, 1, 0], [2, 1, 0], [2, 1, 0],
      [1, 2, 0], [1, 2, 0],
      [0, 1, 1], [0, 1, 1], [0, 1, 1], [0, 1, 1],
    ]);
    expect(body.points.at(-1).counts).toEqual(await storedTally(question.id));
  });

  it("goes by week (from Monday) beyond 60 days, and by day up to 60", async () => {
    const [a, b] = await members(2);
    const byWeek = await createPositionQuestion();
    await writeHistory(byWeek.id, [
      { userId: a.id, positionId: byWeek.positions[0].id, at: daysAgo(61) },
      { userId: b.id, positionId: byWeek.positions[1].id, at: daysAgo(20) },
      { userId: a.id, positionId: byWeek.positions[1].id, at: daysAgo(1) },
    ]);
    const weekly = (await history(byWeek.id)).body as PositionHistory;
    expect(weekly.granularity).toBe("week");
    const monday = (date: Date) => isoDay(new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS));
    expect(weekly.points[0].start).toBe(monday(daysAgo(61)));
    expect(weekly.points.at(-1)!.start).toBe(monday(daysAgo(0)));
    expect(weekly.points.every((point) => new Date(point.start).getUTCDay() === 1)).toBe(true);
    expect(weekly.points.map((point, i) => Date.parse(point.start) - Date.parse(weekly.points[0].start) - i * 7 * DAY_MS)).toEqual(weekly.points.map(() => 0));
    expect(weekly.points[0].counts).toEqual({ [byWeek.positions[0].id]: 1, [byWeek.positions[1].id]: 0, [byWeek.positions[2].id]: 0 });
    expect(weekly.points.at(-1)!.counts).toEqual(await storedTally(byWeek.id));

    const byDay = await createPositionQuestion();
    await writeHistory(byDay.id, [{ userId: a.id, positionId: byDay.positions[0].id, at: daysAgo(60) }]);
    const daily = (await history(byDay.id)).body as PositionHistory;
    expect(daily.granularity).toBe("day");
    expect(daily.points).toHaveLength(61);
  });

  it("takes a granularity from the query, and refuses more than the cap of points by day, saying to ask by week", async () => {
    const [a] = await members(1);
    const recent = await createPositionQuestion();
    await writeHistory(recent.id, [{ userId: a.id, positionId: recent.positions[0].id, at: daysAgo(13) }]);
    const weekly = (await history(recent.id, "?granularity=week")).body as PositionHistory;
    expect(weekly.granularity).toBe("week");
    expect(weekly.points.length).toBeGreaterThanOrEqual(2);
    expect(weekly.points.length).toBeLessThanOrEqual(3);

    const old = await createPositionQuestion();
    await writeHistory(old.id, [{ userId: a.id, positionId: old.positions[0].id, at: daysAgo(HISTORY_POINTS_MAX - 1) }]);
    const daily = await history(old.id, "?granularity=day");
    expect(daily.status).toBe(200);
    expect(daily.body.points).toHaveLength(HISTORY_POINTS_MAX);

    const older = await createPositionQuestion();
    await writeHistory(older.id, [{ userId: a.id, positionId: older.positions[0].id, at: daysAgo(HISTORY_POINTS_MAX) }]);
    const refused = await history(older.id, "?granularity=day");
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "bad_request", message: expect.stringContaining("granularity=week") });
    expect(refused.body.error.issues).toEqual([{ path: "granularity", message: expect.stringContaining("week") }]);
    expect((await history(older.id)).body.granularity).toBe("week");
  });

  it("keeps at most the cap of weeks, the first carrying the tally of all before it", async () => {
    const [a, b] = await members(2);
    const question = await createPositionQuestion();
    const [pour, contre] = question.positions.map((position) => position.id);
    await writeHistory(question.id, [
      { userId: a.id, positionId: pour, at: daysAgo(9 * 365) },
      { userId: b.id, positionId: contre, at: daysAgo(8 * 365) },
      { userId: a.id, positionId: contre, at: daysAgo(2) },
    ]);
    const { body } = await history(question.id);
    expect(body.granularity).toBe("week");
    expect(body.points).toHaveLength(HISTORY_POINTS_MAX);
    expect(body.points[0].counts).toMatchObject({ [pour]: 1, [contre]: 1 });
    expect(body.points.at(-1).counts).toEqual(await storedTally(question.id));
  });

  it("ends on the question's tally when members take, change and withdraw stances through the API", async () => {
    const question = await createPositionQuestion();
    const [pour, contre, mitige] = question.positions.map((position) => position.id);
    const [a, b, c] = await members(3);
    for (const [member, position] of [[a, pour], [b, pour], [c, contre], [b, mitige], [a, null], [a, contre]] as const) {
      expect((await takeStance(member, question.id, position)).status).toBe(200);
    }
    const { body } = await history(question.id);
    expect(body).toEqual({
      granularity: "day",
      positions: question.positions.map(({ id, label, colour }) => ({ id, label, colour })),
      points: [{ start: isoDay(new Date()), counts: { [pour]: 0, [contre]: 2, [mitige]: 1 } }],
    });
    expect(body.points.at(-1).counts).toEqual(await storedTally(question.id));
  });

  it("stays the count of the stances while many members change their minds at once, and never fails meanwhile", async () => {
    const question = await createPositionQuestion();
    const ids = question.positions.map((position) => position.id);
    const crowd = await members(30);
    const changes = crowd.map(async (member, i) => {
      await takeStance(member, question.id, ids[i % 3]);
      await takeStance(member, question.id, i % 4 === 0 ? null : ids[(i + 1) % 3]);
    });
    const reads = crowd.map(() => history(question.id));
    await Promise.all(changes);
    expect((await Promise.all(reads)).map((read) => read.status)).toEqual(reads.map(() => 200));
    const { body } = await history(question.id);
    expect(body.points.at(-1).counts).toEqual(await storedTally(question.id));
  });

  it("has no point for a question nobody took a stance on", async () => {
    const question = await createPositionQuestion();
    expect((await history(question.id)).body).toEqual({
      granularity: "day",
      positions: question.positions.map(({ id, label, colour }) => ({ id, label, colour })),
      points: [],
    });
  });
});

describe("what the series answers to", () => {
  it("refuses an open question with a 400 that says why", async () => {
    const open = await createThreadRow();
    const { status, body } = await history(open.id);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "bad_request", message: expect.stringContaining("n’est pas une prise de position") });
  });

  it("does not find a missing question, nor a hidden one but for moderators", async () => {
    expect((await history(2_147_483_647)).status).toBe(404);
    const question = await createPositionQuestion();
    await db.thread.update({ where: { id: question.id }, data: { hiddenAt: new Date(), hiddenReason: "Doublon" } });
    const [reader, moderator] = [await createMember(), await createMember({ role: "MODERATOR" })];
    for (const cookie of [undefined, reader.cookie]) {
      const { status, body } = await history(question.id, "", cookie);
      expect(status).toBe(404);
      expect(body).toEqual({ error: { code: "not_found", message: "Ce fil de discussion n'existe pas." } });
    }
    expect((await history(question.id, "", moderator.cookie)).status).toBe(200);
  });

  // Digits only, as every route: "1e3", "0x3e8" and " 1000" are no spellings of 1000.
  it.each(["0", "-1", "abc", "1.5", String(2 ** 40), String(2 ** 31), "", "1e3", "0x3e8", " 1000"])("answers 400 with a French issue for the id %j", async (id) => {
    const { status, body } = await history(id);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.issues).toEqual([{ path: "id", message: expect.stringContaining("Un identifiant est un nombre entier de 1 à") }]);
  });

  it.each([
    ["another unit", "month"],
    ["an empty value", ""],
    ["capitals", "DAY"],
    ["a plural", "days"],
    ["a trailing space", "week%20"],
    ["both", "day,week"],
    ["10,000 characters", "x".repeat(10_000)],
    ["an emoji", "%F0%9F%93%88"],
  ])("answers 400 with a French issue for a granularity of %s", async (_label, granularity) => {
    const { status, body } = await history((await createPositionQuestion()).id, `?granularity=${granularity}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.issues).toEqual([{ path: "granularity", message: expect.stringContaining("granularity vaut day (par jour) ou week (par semaine)") }]);
  });

  it("answers 400, not 500, to a NUL in the granularity", async () => {
    const { status, body } = await history((await createPositionQuestion()).id, "?granularity=day%00");
    expect(status).toBe(400);
    expect(body.error.message).toContain("caractère nul");
  });
});

describe("a long history", () => {
  /** Members' events spread evenly over `days` up to today, each member moving to the next position in turn. */
  async function longHistory(question: Question, memberIds: number[], changes: number, days: number) {
    const start = Date.now() - days * DAY_MS;
    const events = Array.from({ length: changes }, (_, i): StanceEvent => {
      const member = i % memberIds.length;
      const turn = Math.floor(i / memberIds.length);
      return { userId: memberIds[member], positionId: question.positions[(member + turn) % question.positions.length].id, at: new Date(start + (i * days * DAY_MS) / changes) };
    });
    await writeHistory(question.id, events);
  }

  it("of 10,000 changes over three years is one walk of the question's index, aggregated to a row per week and position", async () => {
    const memberIds = await withClient(process.env.DATABASE_URL!, async (client) => {
      const { rows } = await client.query<{ id: number }>(
        "INSERT INTO users (email, name, updated_at) SELECT 'volume-' || n || '@example.test', 'Volume ' || n, now() FROM generate_series(1, 200) AS n RETURNING id",
      );
      return rows.map((row) => row.id);
    });
    const question = await createPositionQuestion();
    await longHistory(question, memberIds, 10_000, 3 * 365);
    // Other questions' histories, so that the planner has a choice to make.
    for (let other = 0; other < 5; other += 1) await longHistory(await createPositionQuestion(), memberIds, 10_000, 3 * 365);
    await withClient(process.env.DATABASE_URL!, (client) => client.query("ANALYZE stance_changes"));

    const { status, body } = await history(question.id);
    expect(status).toBe(200);
    expect(body.granularity).toBe("week");
    expect(body.points.length).toBeGreaterThanOrEqual(157);
    expect(body.points.length).toBeLessThanOrEqual(158);
    expect(body.points.at(-1).counts).toEqual(await storedTally(question.id));

    const query = stanceDeltasQuery(question.id, "week");
    const plan = await withClient(process.env.DATABASE_URL!, async (client) => {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`, query.values);
      return rows[0]["QUERY PLAN"][0].Plan;
    });
    expect(JSON.stringify(plan)).toMatch(/"Index Name":"stance_changes_thread_id_changed_at_idx"/);
    expect(JSON.stringify(plan)).not.toMatch(/"Node Type":"Seq Scan"/);
    expect(plan["Actual Rows"]).toBeLessThanOrEqual(body.points.length * question.positions.length);
  });

  it("is the same whether the page or the API asks", async () => {
    const question = await createPositionQuestion();
    const [a] = await members(1);
    await writeHistory(question.id, [{ userId: a.id, positionId: question.positions[1].id, at: daysAgo(4) }]);
    // The page reads the question as GET /api/threads/{id} does.
    expect(await positionHistoryOf(await requireThread(null, question.id))).toEqual((await history(question.id)).body);
  });
});
