// The thread page's forms: the API's schemas (lib/schemas/post.ts) with what a form adds, the
// page to come back to and the ids a JSON route takes from its URL.
import { z } from "zod";
import { idParam } from "./pagination";
import { createPostSchema, editPostSchema } from "./post";
import { safeCallbackPath } from "./user";

/** The page the form was on: a path of this site, else the home page. */
export const returnTo = z.string().optional().transform((path) => safeCallbackPath(path));

/** An optional id field: an empty one (a top-level post's parent) is none. */
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), idParam.optional());

export const publishPostForm = createPostSchema.extend({ threadId: idParam, parentId: optionalId, returnTo });
export const editPostForm = editPostSchema.extend({ postId: idParam, returnTo });
export const deletePostForm = z.object({ postId: idParam, returnTo });
