import type { OpenFormKind } from "@/lib/schemas/post";

/** The page (path and query, as a form comes back to it) with a post's form or history open. */
export function panelHref(returnTo: string, kind: OpenFormKind, postId: number) {
  const url = new URL(returnTo, "http://agora.invalid");
  url.searchParams.set(kind, String(postId));
  return `${url.pathname}${url.search}#p-${postId}`;
}
