// Keyset pagination: a cursor is the sort key of the last item of a page, as base64url JSON.
// It is opaque to clients; a cursor that does not decode to the expected key is a 400.
import { z } from "zod";

export { encodeCursor } from "./vocabulary";

function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return undefined;
  }
}

/** A query parameter holding a cursor whose decoded key must match `key`. */
export function cursorParam<T extends z.ZodType>(key: T) {
  return z
    .string()
    .max(500)
    .transform((cursor, context) => {
      const parsed = key.safeParse(decodeCursor(cursor));
      if (!parsed.success) {
        context.addIssue({ code: "custom", message: "Curseur de pagination invalide." });
        return z.NEVER;
      }
      return parsed.data as z.infer<T>;
    });
}

export function limitParam(defaultLimit: number, maxLimit: number) {
  return z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit);
}

/** Ids are PostgreSQL `integer`s: beyond this, a query fails (22003) instead of finding nothing. */
const ID_MAX = 2_147_483_647;
const ID_ERROR = `Un identifiant est un nombre entier de 1 à ${ID_MAX}, écrit en chiffres.`;

/** An id in JSON (a body, a cursor): already a number, in the range of the ids. */
export const idValue = z.number({ error: ID_ERROR }).int({ error: ID_ERROR }).positive({ error: ID_ERROR }).max(ID_MAX, { error: ID_ERROR });

/**
 * An id in an address, a query or a form: digits only, so that an id has one spelling (coercing
 * with Number() also read "1e3", "0x3e8" and " 1000" as member 1000).
 */
export const idParam = z.preprocess((value) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value), idValue);
export const cursorId = idValue;

const EARLIEST_CURSOR_MS = Date.UTC(1970, 0, 1);
const LATEST_CURSOR_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A time in a cursor: an ISO date that PostgreSQL's `timestamp` can hold. Year 0000 passes the
 * ISO format but not PostgreSQL (22008); no row of the forum predates 1970.
 */
export const cursorDate = z.iso.datetime().refine((value) => {
  const at = Date.parse(value);
  return at >= EARLIEST_CURSOR_MS && at <= LATEST_CURSOR_MS;
});

/** The key of a list in time order: the creation time and id of the last item shown. */
export const createdAtCursorKey = z.object({ at: cursorDate, id: cursorId });
export type CreatedAtCursor = z.infer<typeof createdAtCursorKey>;

/** A page of a list; `previousCursor` is set where the list can page backwards, when it can. */
export type Page<T> = { items: T[]; nextCursor: string | null; previousCursor?: string | null };
export const idParams = z.object({ id: idParam });
