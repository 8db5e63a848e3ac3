// The site's own addresses changed by their query (no zod: readers' pages import these): links
// that open a form in the page — there without JavaScript, and a link can be followed, bookmarked
// or opened in a new tab — and the pages forms come back to.
import type { OpenFormKind } from "./schemas/post";

/**
 * A path of this site (`/t/x?sort=new#p-1`) with query parameters set (a string) or removed (null),
 * and its fragment replaced when `hash` is given ("" drops it).
 */
export function withQuery(path: string, changes: Record<string, string | null>, hash?: string) {
  const url = new URL(path, "http://agora.invalid");
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return `${url.pathname}${url.search}${hash ?? url.hash}`;
}

/** The page's address with one of its forms open (`ouvrir=<key>`): what the form's link points at. */
export const withOpenForm = (path: string, key: string) => withQuery(path, { ouvrir: key }, "");

/** The page (path and query, as a form comes back to it) with a post's form or history open. */
export const panelHref = (returnTo: string, kind: OpenFormKind, postId: number) => withQuery(returnTo, { [kind]: String(postId) }, `#p-${postId}`);

/** The same page with the forms these parameters opened closed. */
export const withFormsClosed = (path: string, params: readonly string[], hash?: string) =>
  withQuery(path, Object.fromEntries(params.map((name) => [name, null])), hash);

/** The next page of a post's credits the address opens (`?credits=12&credits-apres=<cursor>`, moderators). */
export const CREDITS_CURSOR_PARAM = "credits-apres";

/** The thread page's parameter of the posts a member picked as what changed their mind (`?convaincu=12,40`). */
export const CREDIT_PICKS_PARAM = "convaincu";

/**
 * The thread page with this post among the stance form's picks (« Ce message m'a fait changer
 * d'avis »), at the form: the last CREDITS_PER_CHANGE picks are kept.
 */
export const withCreditPick = (returnTo: string, picks: number[], postId: number, max: number) =>
  withQuery(returnTo, { [CREDIT_PICKS_PARAM]: [...picks.filter((id) => id !== postId), postId].slice(-max).join(",") }, "#positions");

/** The same page without picks: once the change is saved, they are spent. */
export const withoutCreditPicks = (path: string) => withQuery(path, { [CREDIT_PICKS_PARAM]: null });

/** The sign-in page, which brings the reader back to `path` (this site's) afterwards. */
export const signInHref = (path: string) => `/connexion?callbackUrl=${encodeURIComponent(path)}`;

/** The sign-up page, which brings the new member back to `path` afterwards. */
export const signUpHref = (path: string) => `/inscription?callbackUrl=${encodeURIComponent(path)}`;
