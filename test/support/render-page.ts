// Renders a page or a server component to HTML as Next.js's server does (React's Fizz renderer,
// which awaits async components), for the viewer whose session cookie is given. Next.js's request
// scope is stood in for: next/headers' cookies() answers that cookie, and notFound()/redirect()
// throw errors that say so. A test file opts in with (vi.mock is hoisted above imports, so the
// factories are imported inside it):
//   vi.mock("next/headers", async () => (await import("../support/render-page")).nextHeadersMock());
//   vi.mock("next/navigation", async () => (await import("../support/render-page")).nextNavigationMock());
import { createElement, type FunctionComponent } from "react";
import { renderToReadableStream } from "react-dom/server.edge";

let requestCookies: { name: string; value: string }[] = [];

export const nextHeadersMock = () => ({
  cookies: async () => ({
    getAll: () => requestCookies,
    get: (name: string) => requestCookies.find((cookie) => cookie.name === name),
  }),
});

export class NotFoundError extends Error {}
export class RedirectError extends Error {}

export const nextNavigationMock = () => ({
  notFound: () => {
    throw new NotFoundError("notFound()");
  },
  redirect: (url: string) => {
    throw new RedirectError(url);
  },
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
});

/**
 * The HTML of `component` with these props, rendered for the viewer of `cookie` (none: signed
 * out), without the comments React puts between adjacent texts ("Suspendre <!-- -->Ana").
 */
export async function renderPage<P extends object>(component: (props: P) => unknown, props: P, cookie = "") {
  requestCookies = cookie
    .split(";")
    .filter((pair) => pair.includes("="))
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")).trim(), value: decodeURIComponent(pair.slice(pair.indexOf("=") + 1).trim()) }));
  const stream = await renderToReadableStream(createElement(component as FunctionComponent<P>, props), {
    // notFound() and redirect() are answers, not failures: the render rejects with them, unlogged.
    onError: (error) => {
      if (!(error instanceof NotFoundError || error instanceof RedirectError)) console.error(error);
    },
  });
  await stream.allReady;
  return (await new Response(stream).text()).replaceAll("<!-- -->", "");
}
