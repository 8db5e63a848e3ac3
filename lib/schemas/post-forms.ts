// The thread page's forms: the API's schemas (lib/schemas/post.ts) with what a form adds, the
// page to come back to and the ids a JSON route takes from its URL.
import { z } from "zod";
import { idParam } from "./pagination";
import { createPostSchema, createThreadSchema, editPostSchema } from "./post";
import { FACETS_MAX, POSITIONS_MAX } from "./vocabulary";
import { safeCallbackPath } from "./user";

/** The page the form was on: a path of this site, else the home page. */
export const returnTo = z.string().optional().transform((path) => safeCallbackPath(path));

/** An optional id field: an empty one (a top-level post's parent) is none. */
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), idParam.optional());

export const publishPostForm = createPostSchema.extend({ threadId: idParam, parentId: optionalId, facetId: optionalId, returnTo });
export const editPostForm = editPostSchema.extend({ postId: idParam, returnTo });
export const deletePostForm = z.object({ postId: idParam, returnTo });

/** The proposal form's position rows: `positions.0.label`, `positions.0.description`, … (as many as a question may offer). */
export const positionRowNames = (index: number) => ({
  label: `positions.${index}.label`,
  description: `positions.${index}.description`,
  colour: `positions.${index}.colour`,
});

/** The proposal form's facet rows (question ouverte): `facets.0.label`, `facets.0.description`, …. */
export const facetRowNames = (index: number) => ({ label: `facets.${index}.label`, description: `facets.${index}.description` });

/**
 * The rows of a kind (positions or facets) as the form sends them, the blank rows at the end
 * dropped: a row is blank when nothing was written in it (a position's colour, a select, always
 * has a value).
 */
function writtenRows<R extends { label: unknown; description: unknown }>(count: number, rowAt: (index: number) => R) {
  const rows = Array.from({ length: count }, (_, index) => rowAt(index));
  const isBlank = (row: R) => String(row.label).trim() === "" && String(row.description).trim() === "";
  while (rows.length > 0 && isBlank(rows.at(-1)!)) rows.pop();
  return rows;
}

/**
 * The proposal form as the API's body. Blank rows at the end are the rows left unused; a blank row
 * before a named one stays, and is refused where it is (zod's path is then the row's field names).
 * The form sends only its kind's rows once JavaScript disables the others; without it, rows typed
 * under the other kind (positions under a question ouverte, facets under a prise de position) are
 * refused rather than silently dropped.
 */
export const proposeThreadForm = z.preprocess((form: unknown) => {
  const values = (form ?? {}) as Record<string, unknown>;
  const positions = writtenRows(POSITIONS_MAX, (index) => {
    const names = positionRowNames(index);
    return { label: values[names.label] ?? "", description: values[names.description] ?? "", colour: values[names.colour] };
  });
  const facets = writtenRows(FACETS_MAX, (index) => {
    const names = facetRowNames(index);
    return { label: values[names.label] ?? "", description: values[names.description] ?? "" };
  });
  return { title: values.title, body: values.body, kind: values.kind, positions, facets };
}, createThreadSchema);
