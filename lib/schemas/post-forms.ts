// The thread page's forms: the API's schemas (lib/schemas/post.ts) with what a form adds, the
// page to come back to and the ids a JSON route takes from its URL.
import { z } from "zod";
import { idParam } from "./pagination";
import { createPostSchema, createThreadSchema, editPostSchema } from "./post";
import { POSITIONS_MAX } from "./vocabulary";
import { safeCallbackPath } from "./user";

/** The page the form was on: a path of this site, else the home page. */
export const returnTo = z.string().optional().transform((path) => safeCallbackPath(path));

/** An optional id field: an empty one (a top-level post's parent) is none. */
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), idParam.optional());

export const publishPostForm = createPostSchema.extend({ threadId: idParam, parentId: optionalId, returnTo });
export const editPostForm = editPostSchema.extend({ postId: idParam, returnTo });
export const deletePostForm = z.object({ postId: idParam, returnTo });

/** The proposal form's position rows: `positions.0.label`, `positions.0.description`, … (as many as a question may offer). */
export const positionRowNames = (index: number) => ({
  label: `positions.${index}.label`,
  description: `positions.${index}.description`,
  colour: `positions.${index}.colour`,
});

/**
 * The proposal form as the API's body. Blank rows at the end are the rows left unused; a blank row
 * before a named one stays, and is refused where it is (zod's path is then the row's field names).
 * A question ouverte sends no rows once JavaScript disables them; without it, rows typed under an
 * open question are refused rather than silently dropped.
 */
export const proposeThreadForm = z.preprocess((form: unknown) => {
  const values = (form ?? {}) as Record<string, unknown>;
  const rows = Array.from({ length: POSITIONS_MAX }, (_, index) => {
    const names = positionRowNames(index);
    return { label: values[names.label] ?? "", description: values[names.description] ?? "", colour: values[names.colour] };
  });
  // A row's colour always has a value (a select): a row is blank when nothing was written in it.
  const isBlank = (row: (typeof rows)[number]) => String(row.label).trim() === "" && String(row.description).trim() === "";
  while (rows.length > 0 && isBlank(rows.at(-1)!)) rows.pop();
  return { title: values.title, body: values.body, kind: values.kind, positions: rows };
}, createThreadSchema);
