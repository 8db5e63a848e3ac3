// While PostgreSQL cannot be reached, every API route answers 503 JSON ("unavailable", a French
// message, Retry-After), whether the server was never reachable or went away under the app.
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { startEmbeddedDatabase } from "@/scripts/db/embedded-postgres";
import { migrateDatabase } from "@/scripts/db/migrate";
import { call } from "../support/http";
import { createMember } from "../support/session";

const dataDir = path.resolve(`.data/test-db-down-${process.pid}`);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

function expectUnavailable(answer: Awaited<ReturnType<typeof call>>) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(503);
  expect(answer.body.error.code).toBe("unavailable");
  expect(answer.body.error.message).toMatch(/Réessayez/);
  expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
}

/** The routes, loaded afresh on DATABASE_URL = url (lib/db.ts reads it once). */
async function routesOn(url: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", url);
  return {
    threads: await import("@/app/api/threads/route"),
    posts: await import("@/app/api/threads/[id]/posts/route"),
    me: await import("@/app/api/me/route"),
  };
}

describe("the API while PostgreSQL is down", () => {
  it("answers 503 JSON on reads, on writes and on signed-in requests when nothing listens", async () => {
    // Port 1 on loopback: nothing listens there.
    // A real member's session, opened on the test database before the routes lose theirs.
    const { cookie } = await createMember();
    const routes = await routesOn("postgresql://nobody:nothing@127.0.0.1:1/none");
    expectUnavailable(await call(routes.threads.GET, "/api/threads"));
    expectUnavailable(await call(routes.posts.GET, "/api/threads/1/posts", { params: { id: "1" } }));
    expectUnavailable(await call(routes.me.GET, "/api/me", { headers: { cookie } }));
    expectUnavailable(
      await call(routes.threads.POST, "/api/threads", { method: "POST", json: { title: "Une question de panne ?", body: "Le contexte." }, headers: { cookie } }),
    );
  });

  it("answers 503 JSON when the server stops under a running app, and 200 again once it is back", { timeout: 60_000 }, async () => {
    const first = await startEmbeddedDatabase(dataDir);
    await migrateDatabase(first.url);
    const routes = await routesOn(first.url);
    expect((await call(routes.threads.GET, "/api/threads")).status).toBe(200);

    await first.stop();
    expectUnavailable(await call(routes.threads.GET, "/api/threads"));

    const second = await startEmbeddedDatabase(dataDir);
    try {
      // The app's URL names the first server's port; the new one may have another.
      const again = await routesOn(second.url);
      expect((await call(again.threads.GET, "/api/threads")).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
