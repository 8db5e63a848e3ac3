import { z } from "zod";
import { cursorParam, idParam, limitParam } from "./pagination";

export const POST_BODY_MAX = 20_000;
export const THREAD_TITLE_MIN = 8;
export const THREAD_TITLE_MAX = 200;
export const POST_PAGE_SIZE = 50;
export const POST_PAGE_MAX = 100;

export const postBody = z
  .string({ error: "Écrivez votre contribution." })
  .trim()
  .min(1, { error: "Écrivez votre contribution." })
  .max(POST_BODY_MAX, { error: `Une contribution compte au plus ${POST_BODY_MAX.toLocaleString("fr-FR")} caractères.` });

export const createPostSchema = z.object({ body: postBody, parentId: idParam.nullish() });
export type CreatePostInput = z.infer<typeof createPostSchema>;

export const editPostSchema = z.object({ body: postBody });
export type EditPostInput = z.infer<typeof editPostSchema>;

export const createThreadSchema = z.object({
  title: z
    .string({ error: "Posez votre question." })
    .trim()
    .min(THREAD_TITLE_MIN, { error: `La question compte au moins ${THREAD_TITLE_MIN} caractères.` })
    .max(THREAD_TITLE_MAX, { error: `La question compte au plus ${THREAD_TITLE_MAX} caractères.` }),
  body: postBody,
});
export type CreateThreadInput = z.infer<typeof createThreadSchema>;

/** Top-level posts are listed oldest first; this is their key. */
export const postCursorKey = z.object({ at: z.iso.datetime(), id: z.number().int() });
export type PostCursor = z.infer<typeof postCursorKey>;

export const listPostsQuery = z.object({
  cursor: cursorParam(postCursorKey).optional(),
  limit: limitParam(POST_PAGE_SIZE, POST_PAGE_MAX),
});
export type ListPostsQuery = z.infer<typeof listPostsQuery>;

export const postIdParams = z.object({ id: idParam });
