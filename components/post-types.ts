import type { PostView } from "@/lib/posts";

/** A post as the browser holds it: from the page (Date) or from the API (ISO string). */
export type ClientPost = Omit<PostView, "createdAt" | "editedAt"> & {
  createdAt: string | Date;
  editedAt: string | Date | null;
  /** Published from this page: not part of the pages loaded from the server. */
  justPosted?: boolean;
};

/** Replies are indented up to this depth; deeper ones line up and say whom they answer. */
export const MAX_INDENT_DEPTH = 3;
