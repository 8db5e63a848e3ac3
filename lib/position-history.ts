import "server-only";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import type { Position } from "./positions";
import type { HistoryGranularity, PositionHistoryQuery } from "./schemas/thread";
import { requireThread } from "./threads";
import type { Actor } from "./users";

/** A chart and its table stay readable, and an answer small: a series holds at most this many points. */
export const HISTORY_POINTS_MAX = 400;
/** Up to this many days from the first change's day to today, the series goes by day; beyond, by week. */
const DAILY_SPAN_MAX_DAYS = 60;
const DAY_MS = 86_400_000;
const STEP_MS: Record<HistoryGranularity, number> = { day: DAY_MS, week: 7 * DAY_MS };

export type HistoryPosition = Pick<Position, "id" | "label" | "colour">;
/** The tally at the end of a period that starts on `start` (an ISO date, UTC): members per position id. */
export type HistoryPoint = { start: string; counts: Record<number, number> };
/** Every period from the first recorded change to today's, in order; none when nothing was ever recorded. */
export type PositionHistory = { granularity: HistoryGranularity; positions: HistoryPosition[]; points: HistoryPoint[] };

/** A question as lib/threads.ts reads it: its positions, and when its first stance was taken (null: never). */
type HistoryQuestion = { id: number; positions: HistoryPosition[]; firstStanceChangeAt: Date | null };

/** The history of a question's tally, for the JSON API: the thread as GET /api/threads/{id} finds it, a position question. */
export async function getPositionHistory(viewer: Actor | null, threadId: number, { granularity }: PositionHistoryQuery) {
  const thread = await requireThread(viewer, threadId);
  if (thread.kind !== "POSITION") {
    throw new AppError("bad_request", "Cette question n’est pas une prise de position : elle n’a pas de positions, donc pas de décompte qui évolue.");
  }
  return positionHistoryOf(thread, granularity);
}

/**
 * The history of a question the caller has found visible (the thread page has it already). Each
 * period's tally is the one before it plus the period's changes, summed by the database (rows at
 * most periods × positions); a period without change repeats the tally before it.
 */
export async function positionHistoryOf(question: HistoryQuestion, forced?: HistoryGranularity): Promise<PositionHistory> {
  const positions = question.positions.map(({ id, label, colour }) => ({ id, label, colour }));
  const firstAt = question.firstStanceChangeAt;
  if (!firstAt) return { granularity: forced ?? "day", positions, points: [] };
  const now = new Date();
  const granularity = forced ?? ((periodStart(now, "day") - periodStart(firstAt, "day")) / DAY_MS <= DAILY_SPAN_MAX_DAYS ? "day" : "week");
  const step = STEP_MS[granularity];
  const current = periodStart(now, granularity);
  const periods = (current - periodStart(firstAt, granularity)) / step + 1;
  if (granularity === "day" && periods > HISTORY_POINTS_MAX) {
    throw new AppError(
      "bad_request",
      `Cette question a ${periods} jours d’historique : par jour, c’est plus de ${HISTORY_POINTS_MAX} points. Demandez granularity=week, ou omettez granularity.`,
      { issues: [{ path: "granularity", message: `Par jour, au plus ${HISTORY_POINTS_MAX} points : demandez week.` }] },
    );
  }
  // Past the cap (a debate of more than seven years, by week), the first point shown carries the tally of all before it.
  const first = current - (Math.min(periods, HISTORY_POINTS_MAX) - 1) * step;
  const deltas = await db.$queryRaw<{ start: string; positionId: number; delta: number }[]>(stanceDeltasQuery(question.id, granularity));
  const deltasByPeriod = new Map<number, typeof deltas>();
  for (const delta of deltas) {
    const period = Math.max(Date.parse(delta.start), first);
    deltasByPeriod.set(period, [...(deltasByPeriod.get(period) ?? []), delta]);
  }
  // A change stamped after this read's clock (one committed meanwhile, or the database's clock
  // ahead of the app's) still ends in the series.
  const last = Math.max(current, ...deltasByPeriod.keys());
  const tally: Record<number, number> = Object.fromEntries(positions.map((position) => [position.id, 0]));
  const points: HistoryPoint[] = [];
  for (let period = first; period <= last; period += step) {
    for (const { positionId, delta } of deltasByPeriod.get(period) ?? []) tally[positionId] += delta;
    points.push({ start: new Date(period).toISOString().slice(0, 10), counts: { ...tally } });
  }
  return { granularity, positions, points };
}

/** Midnight UTC of the first day of the period holding `at`, as PostgreSQL's date_trunc (weeks start on Monday). */
function periodStart(at: Date, granularity: HistoryGranularity) {
  const day = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  return granularity === "day" ? day : day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}

/**
 * Each period's net change of each position, +1 for every stance taken on it and −1 for every one
 * left: one walk of the question's changes on the (thread_id, changed_at) index, counted by period
 * and move first (a few rows per period, four times faster than splitting every change in two),
 * then summed to at most periods × positions rows.
 */
export function stanceDeltasQuery(threadId: number, granularity: HistoryGranularity) {
  return Prisma.sql`
    SELECT to_char(m.period, 'YYYY-MM-DD') AS start, d.position_id AS "positionId", sum(d.delta)::int AS delta
    FROM (
      SELECT date_trunc(${granularity}, changed_at) AS period, from_position_id, to_position_id, count(*)::int AS moves
      FROM stance_changes WHERE thread_id = ${threadId}
      GROUP BY 1, 2, 3
    ) m
    CROSS JOIN LATERAL (VALUES (m.to_position_id, m.moves), (m.from_position_id, -m.moves)) AS d (position_id, delta)
    WHERE d.position_id IS NOT NULL
    GROUP BY m.period, d.position_id`;
}
