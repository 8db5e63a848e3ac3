// Links that open a form in the page (no zod: readers' pages import these): the form is there
// without JavaScript, and the link can be followed, bookmarked or opened in a new tab.
import type { OpenFormKind } from "./schemas/post";

/** The page's address with one of its forms open (`ouvrir=<key>`): what the form's link points at. */
export function withOpenForm(path: string, key: string) {
  const url = new URL(path, "http://agora.invalid");
  url.searchParams.set("ouvrir", key);
  return `${url.pathname}${url.search}`;
}

/** The page (path and query, as a form comes back to it) with a post's form or history open. */
export function panelHref(returnTo: string, kind: OpenFormKind, postId: number) {
  const url = new URL(returnTo, "http://agora.invalid");
  url.searchParams.set(kind, String(postId));
  return `${url.pathname}${url.search}#p-${postId}`;
}
