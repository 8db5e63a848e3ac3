import "server-only";
import { listPostCredits, type PostCredit } from "./credit-moderation";
import { AppError } from "./errors";
import { CREDITS_CURSOR_PARAM } from "./form-links";
import { listRevisions } from "./posts";
import { listPostCreditsQuery } from "./schemas/moderation";
import type { Page } from "./schemas/pagination";
import { type OpenFormKind, openFormOf } from "./schemas/post";
import type { Actor } from "./users";

/** Credits a moderator reads at once on a post; older ones are a link away. */
const CREDITS_SHOWN = 50;

/** A post's form, history or credits the page opened from its address, and what it loaded for it. */
export type OpenPanel = {
  kind: OpenFormKind;
  postId: number;
  revisions?: Awaited<ReturnType<typeof listRevisions>>;
  credits?: Page<PostCredit>;
};

/** The page of credits the address asks for: the newest, or those after its cursor when it parses. */
function creditsQueryOf(address: Record<string, string | string[] | undefined>) {
  const asked = listPostCreditsQuery.safeParse({ cursor: address[CREDITS_CURSOR_PARAM], limit: CREDITS_SHOWN });
  return asked.success ? asked.data : listPostCreditsQuery.parse({ limit: CREDITS_SHOWN });
}

/**
 * The post form, history or credits a thread page's address opens (`?repondre=12`,
 * `?historique=12`, `?credits=12`): the history and the credits are loaded here, so that they read
 * without JavaScript. One the viewer may not see opens nothing: a member's `?credits=` shows no
 * one who credited.
 */
export async function openPanelOf(viewer: Actor | null, address: Record<string, string | string[] | undefined>): Promise<OpenPanel | undefined> {
  const open = openFormOf(address);
  try {
    if (open?.kind === "historique") return { ...open, revisions: await listRevisions(viewer, open.postId) };
    if (open?.kind === "credits") return { ...open, credits: await listPostCredits(viewer, open.postId, creditsQueryOf(address)) };
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
  return open;
}
