// How long a browser or a cache may keep a page, decided in proxy.ts before Next.js renders it:
// Next.js keeps a Cache-Control it finds on the response, and otherwise marks every dynamic page
// `no-store`, which bars it from the back/forward cache, so that a reader going back re-downloads
// and re-renders the thread they were reading.

/** next-auth's session cookie, with its https prefix and the `.0`, `.1`… of a chunked one. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Signed out: the browser may keep the page (back/forward cache, history) but asks again before
 * showing it anew (`no-cache`, posts and votes change). `private` all the same: each page carries
 * its own CSP nonce, which a shared cache must not hand to other readers.
 */
export const READER_CACHE_CONTROL = "private, no-cache";
/**
 * With a session cookie (valid or not): never stored, so that after signing out on a shared
 * computer, Back shows no member's page from a cache.
 */
export const MEMBER_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate";

export function hasSessionCookie(cookieNames: Iterable<string>) {
  for (const name of cookieNames) if (SESSION_COOKIE.test(name)) return true;
  return false;
}

/** The Cache-Control of a page requested with these cookies. */
export function pageCacheControl(cookieNames: Iterable<string>) {
  return hasSessionCookie(cookieNames) ? MEMBER_CACHE_CONTROL : READER_CACHE_CONTROL;
}
