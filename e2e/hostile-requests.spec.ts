// Against the production build: requests Next.js itself used to answer with a bare 500 get a 4xx
// with the usual headers — malformed percent-encoding, NUL in an address, TRACE and other unknown
// methods — and pages given a cursor PostgreSQL cannot hold show their first page.
import { expect, test } from "@playwright/test";
import { encodeCursor } from "../lib/schemas/pagination";
import { createMemberViaApi } from "./factories";

test("a malformed percent-encoding or a NUL in the address is a 400, JSON on the API, with the defence headers", async ({ request }) => {
  for (const path of ["/api/threads/%ED%A0%80", "/api/threads/%ED%A0%80/posts", "/api/posts/%00/revisions", "/t/%ED%A0%80", "/u/%E0%A4%A", "/t/%00", "/?sort=%00"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    if (path.startsWith("/api/")) expect((await response.json()).error.code, path).toBe("bad_request");
    else expect(await response.text(), path).toContain("Adresse invalide");
  }
});

test("TRACE and unknown methods are a 405 naming the allowed ones, on pages and on the API", async ({ request }) => {
  for (const [method, path] of [["TRACE", "/api/threads"], ["TRACE", "/"], ["TRACE", "/api/health"], ["PROPFIND", "/api/threads"], ["PROPFIND", "/t/libre-ou-ouvert"], ["OPTIONS", "/"]]) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()["allow"], `${method} ${path}`).toContain("GET");
    if (path.startsWith("/api/")) expect((await response.json()).error.code).toBe("method_not_allowed");
  }
  // The methods the site uses are untouched.
  expect((await request.fetch("/api/threads", { method: "OPTIONS" })).status()).toBe(204);
  expect((await request.fetch("/", { method: "HEAD" })).status()).toBe(200);
});

test("pages given a cursor beyond PostgreSQL's ranges show their first page", async ({ request }) => {
  const member = await createMemberViaApi(request);
  const cursors = [
    encodeCursor({ at: "0000-01-01T00:00:00Z", id: 1 }),
    encodeCursor({ at: "2026-01-01T00:00:00Z", id: 2 ** 31 }),
    encodeCursor({ at: "2026-01-01T00:00:00Z", id: 2 ** 53 + 2 }),
  ];
  const threadCursors = [
    encodeCursor({ s: "new", pinned: false, v: "0000-01-01T00:00:00Z", id: 1 }),
    encodeCursor({ s: "new", pinned: false, v: "2026-01-01T00:00:00Z", id: 2 ** 31 }),
  ];
  const paths = [
    ...threadCursors.map((cursor) => `/?sort=new&cursor=${cursor}`),
    ...cursors.map((cursor) => `/u/${member.id}?cursor=${cursor}`),
    ...cursors.map((cursor) => `/moderation/journal?cursor=${cursor}`),
  ];
  for (const path of paths) expect((await request.get(path)).status(), path).toBe(200);
});

test("a NUL in the e-mail of a sign-in is refused, not a server error", async ({ request }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "ana\u0000@example.org", password: "un mot de passe", json: "true" },
  });
  expect(response.status()).toBeLessThan(500);
  expect((await request.get("/api/auth/session")).status()).toBe(200);
});
