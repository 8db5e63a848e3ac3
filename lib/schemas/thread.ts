import { z } from "zod";
import { cursorParam, idParam, limitParam } from "./pagination";

export const THREAD_PAGE_SIZE = 20;
export const THREAD_PAGE_MAX = 100;

/** Threads are listed pinned first, then by hot rank, newest id last: this is their key. */
export const threadCursorKey = z.object({ pinned: z.boolean(), rank: z.number(), id: z.number().int() });
export type ThreadCursor = z.infer<typeof threadCursorKey>;

export const listThreadsQuery = z.object({
  cursor: cursorParam(threadCursorKey).optional(),
  limit: limitParam(THREAD_PAGE_SIZE, THREAD_PAGE_MAX),
});
export type ListThreadsQuery = z.infer<typeof listThreadsQuery>;

export const threadIdParams = z.object({ id: idParam });
