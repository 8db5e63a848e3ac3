import { expect, test } from "@playwright/test";
import { QUESTIONS } from "../prisma/seed/article";

test("the JSON API answers over HTTP: health, list, one thread, errors as JSON", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });

  const list = await request.get("/api/threads?limit=5");
  expect(list.status()).toBe(200);
  const { items } = await list.json();
  expect(items.slice(0, 5).map((t: { slug: string }) => t.slug)).toEqual(QUESTIONS.map((q) => q.slug));

  const one = await request.get(`/api/threads/${items[0].id}`);
  expect((await one.json()).title).toBe(QUESTIONS[0].title);

  const missing = await request.get("/api/threads/2147483647");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("application/json");
  expect((await missing.json()).error.code).toBe("not_found");

  const badCursor = await request.get("/api/threads?cursor=nope");
  expect(badCursor.status()).toBe(400);
  expect((await badCursor.json()).error.issues[0].message).toBe("Curseur de pagination invalide.");
});
