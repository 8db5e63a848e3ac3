// Keyset pagination: a cursor is the sort key of the last item of a page, as base64url JSON.
// It is opaque to clients; a cursor that does not decode to the expected key is a 400.
import { z } from "zod";

export function encodeCursor(key: unknown): string {
  return btoa(JSON.stringify(key)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

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

export const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/** The key of a list in time order: the creation time and id of the last item shown. */
export const createdAtCursorKey = z.object({ at: z.iso.datetime(), id: z.number().int() });
export type CreatedAtCursor = z.infer<typeof createdAtCursorKey>;


export type Page<T> = { items: T[]; nextCursor: string | null };
export const idParams = z.object({ id: idParam });
