import "server-only";
import { Prisma } from "./generated/prisma/client";
import { type CreatedAtCursor, encodeCursor, type Page } from "./schemas/pagination";

/** One sort: the column it orders by (constant SQL, never input) and its direction. */
export type SortSpec = { column: Prisma.Sql; direction: "asc" | "desc"; isDate?: boolean };

export const sortSpec = (column: string, direction: "asc" | "desc", isDate = false): SortSpec => ({
  column: Prisma.raw(column),
  direction,
  isDate,
});

/** The same sort read backwards: "before the cursor" is "after it" in this order. */
export const reversed = (spec: SortSpec): SortSpec => ({ ...spec, direction: spec.direction === "asc" ? "desc" : "asc" });

const DIRECTION = { asc: Prisma.raw("ASC"), desc: Prisma.raw("DESC") };

/** ORDER BY the sort's column, then id the same way (ids break ties, so the order is total). */
export function orderBy(spec: SortSpec, id: Prisma.Sql, leading: Prisma.Sql[] = []) {
  const direction = DIRECTION[spec.direction];
  return Prisma.join([...leading.map((column) => Prisma.sql`${column} DESC`), Prisma.sql`${spec.column} ${direction}`, Prisma.sql`${id} ${direction}`]);
}

/**
 * "After the cursor" as one row comparison, which PostgreSQL serves as an index range when the
 * index has the same columns in the same directions. Leading columns (pinned first) sort DESC
 * like the column itself, which every sort that has them does.
 */
export function after(spec: SortSpec, id: Prisma.Sql, value: number | string, lastId: number, leading: { column: Prisma.Sql; value: unknown }[] = []) {
  const columns = Prisma.join([...leading.map((l) => l.column), spec.column, id]);
  const cursorValue = spec.isDate ? new Date(value) : value;
  const values = Prisma.join([...leading.map((l) => l.value), cursorValue, lastId]);
  return spec.direction === "desc" ? Prisma.sql`(${columns}) < (${values})` : Prisma.sql`(${columns}) > (${values})`;
}

/** Newest first, after the cursor (creation time, then id): a Prisma `where` fragment. */
export function newestFirstAfter(cursor: CreatedAtCursor | undefined) {
  return cursor ? { OR: [{ createdAt: { lt: new Date(cursor.at) } }, { createdAt: new Date(cursor.at), id: { lt: cursor.id } }] } : {};
}

/**
 * The page of a list in time order, from its rows fetched with one extra (limit + 1) to tell
 * whether more follow; the cursor is the last row's creation time and id.
 */
export function timeOrderedPage<T extends { id: number; createdAt: Date }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null };
}

/** The cursor value of a row: dates travel as ISO strings. */
export const cursorValue = (value: Date | number) => (value instanceof Date ? value.toISOString() : value);
