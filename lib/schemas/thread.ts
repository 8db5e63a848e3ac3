import { z } from "zod";
import { cursorDate, cursorId, cursorParam, idParams, limitParam } from "./pagination";

export const THREAD_PAGE_SIZE = 20;
export const THREAD_PAGE_MAX = 100;

export const THREAD_SORTS = ["hot", "new", "top", "active"] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/** Threads are listed pinned first, then by the sort's value, then id: this is their key. */
export const threadCursorKey = z.discriminatedUnion("s", [
  z.object({ s: z.literal("hot"), pinned: z.boolean(), v: z.number(), id: cursorId }),
  z.object({ s: z.literal("top"), pinned: z.boolean(), v: z.number().int().min(-(2 ** 31)).max(2 ** 31 - 1), id: cursorId }),
  z.object({ s: z.enum(["new", "active"]), pinned: z.boolean(), v: cursorDate, id: cursorId }),
]);
export type ThreadCursor = z.infer<typeof threadCursorKey>;

export const listThreadsQuery = z.object({
  sort: z.enum(THREAD_SORTS).default("hot"),
  cursor: cursorParam(threadCursorKey).optional(),
  limit: limitParam(THREAD_PAGE_SIZE, THREAD_PAGE_MAX),
});
export type ListThreadsQuery = z.infer<typeof listThreadsQuery>;

export const threadIdParams = idParams;

/** A question's tally over time is told by day or by week (weeks start on Monday). */
export const HISTORY_GRANULARITIES = ["day", "week"] as const;
export type HistoryGranularity = (typeof HISTORY_GRANULARITIES)[number];

/** Without a granularity, the span of the debate chooses it. */
export const positionHistoryQuery = z.object({
  granularity: z.enum(HISTORY_GRANULARITIES, { error: "granularity vaut day (par jour) ou week (par semaine), ou s’omet." }).optional(),
});
export type PositionHistoryQuery = z.infer<typeof positionHistoryQuery>;
