import "server-only";
import { AppError } from "./errors";
import { listRevisions } from "./posts";
import { type OpenFormKind, openFormOf } from "./schemas/post";
import type { Actor } from "./users";

/** A post's form or history the page opened from its address, and the history it loaded for it. */
export type OpenPanel = { kind: OpenFormKind; postId: number; revisions?: Awaited<ReturnType<typeof listRevisions>> };

/**
 * The post form or history a thread page's address opens (`?repondre=12`, `?historique=12`): the
 * history is loaded here, so that it reads without JavaScript. One the viewer may not see opens nothing.
 */
export async function openPanelOf(viewer: Actor | null, address: Record<string, string | string[] | undefined>): Promise<OpenPanel | undefined> {
  const open = openFormOf(address);
  if (open?.kind !== "historique") return open;
  try {
    return { ...open, revisions: await listRevisions(viewer, open.postId) };
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}
