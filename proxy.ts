// Runs before every page: a fresh nonce per request, in the Content-Security-Policy of the
// response and in the request headers, where Next.js picks it up for its own scripts. Before
// every page and API route alike, it refuses the requests Next.js would answer with a 500, while
// the database is down it answers pages a 503 (lib/database-outage.ts), it sets how long pages
// may be kept (lib/page-cache-control.ts), and over https every answer carries
// Strict-Transport-Security.
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "@/lib/content-security-policy";
import { isDatabaseDown, unavailablePage } from "@/lib/database-outage";
import { pageCacheControl } from "@/lib/page-cache-control";
import { refuseMalformedRequest } from "@/lib/request-guard";
import { strictTransportSecurity } from "@/lib/strict-transport-security";

const isPrefetch = (request: NextRequest) =>
  request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";

export async function proxy(request: NextRequest) {
  const response = await answer(request);
  const transportSecurity = strictTransportSecurity();
  if (transportSecurity) response.headers.set("Strict-Transport-Security", transportSecurity);
  return response;
}

async function answer(request: NextRequest) {
  const refusal = refuseMalformedRequest(request.method, request.nextUrl);
  if (refusal) return refusal;
  // The API answers a JSON 503 by itself (lib/http.ts); a page cannot, so it is answered here.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  if (await isDatabaseDown()) return unavailablePage();
  const response = page(request);
  // The one place pages get their Cache-Control: Next.js would mark them all no-store. (A
  // `Vary: Cookie` cannot be added: Next.js replaces the Vary of every page. Both values are
  // `private`, so no shared cache keeps a page, a reader's or a member's.)
  response.headers.set("Cache-Control", pageCacheControl(request.cookies.getAll().map((cookie) => cookie.name)));
  return response;
}

function page(request: NextRequest) {
  // Prefetches carry no page: no CSP for them.
  if (isPrefetch(request)) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    isDev: process.env.NODE_ENV === "development",
    isHttps: strictTransportSecurity() !== null,
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but static files, prefetches included: a header must not let a request skip the checks.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
