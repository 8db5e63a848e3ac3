import type { ReactNode } from "react";

/**
 * A post as a list places it: where it goes in the tree, and the post itself already rendered on
 * the server (components/post-item.tsx), so that the browser hydrates its controls only.
 */
export type RenderedPost = {
  id: number;
  parentId: number | null;
  rootId: number | null;
  depth: number;
  /** ISO 8601: the cursor after the newest reply of a conversation loaded so far. */
  createdAt: string;
  /** On a top-level post: more replies than the list shows. */
  hasMoreReplies?: boolean;
  node: ReactNode;
};

/** A page of rendered posts, as « Voir plus » and « Voir la suite » append them (app/actions/post-pages.ts). */
export type RenderedPage = { items: RenderedPost[]; nextCursor: string | null };

/** Replies are indented up to this depth; deeper ones line up and say whom they answer. */
export const MAX_INDENT_DEPTH = 3;

/** The row of a post's author, date and badge, and the row of its votes and actions. */
export const POST_HEADER_ROW = "flex flex-wrap items-center gap-x-2 text-sm text-slate-600 dark:text-slate-400";
export const POST_ACTIONS_ROW = "mt-3 flex flex-wrap items-center gap-3 text-sm font-medium";
