import { beforeAll, describe, expect, it } from "vitest";
import { GET as getThreadRoute } from "@/app/api/threads/[id]/route";
import { GET as listThreadsRoute } from "@/app/api/threads/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { QUESTIONS } from "@/prisma/seed/article";
import { call } from "../support/http";

beforeAll(async () => {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  await seedDatabase(db);
  await db.$disconnect();
});

describe("GET /api/threads", () => {
  it("lists the five questions, pinned, in the article's order", async () => {
    const { status, body } = await call(listThreadsRoute, "/api/threads");
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((thread: { title: string }) => thread.title)).toEqual(QUESTIONS.map((q) => q.title));
    expect(body.items.every((thread: { isPinned: boolean }) => thread.isPinned)).toBe(true);
    expect(body.items[0]).toMatchObject({ slug: QUESTIONS[0].slug, kind: "POSITION", postCount: 0, questionNumber: 1 });
    expect(body.items[0]).not.toHaveProperty("hotRank");
  });

  it("pages by keyset: every thread once, in order, then no cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const { status, body } = await call(listThreadsRoute, `/api/threads${query}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((thread: { slug: string }) => thread.slug));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(QUESTIONS.map((q) => q.slug));
  });

  it.each([
    ["a cursor that is not base64 JSON", "?cursor=%%%"],
    ["a cursor with the wrong key", `?cursor=${Buffer.from('{"id":"x"}').toString("base64url")}`],
    ["a limit of zero", "?limit=0"],
    ["a limit above the maximum", "?limit=1000"],
    ["a limit that is not a number", "?limit=abc"],
  ])("answers 400 with zod issues for %s", async (_label, query) => {
    const { status, body } = await call(listThreadsRoute, `/api/threads${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.issues.length).toBeGreaterThan(0);
    expect(typeof body.error.issues[0].message).toBe("string");
  });
});

describe("GET /api/threads/{id}", () => {
  it("returns a thread with its context", async () => {
    const list = await call(listThreadsRoute, "/api/threads?limit=1");
    const id = String(list.body.items[0].id);
    const { status, body } = await call(getThreadRoute, `/api/threads/${id}`, { params: { id } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ title: QUESTIONS[0].title, body: QUESTIONS[0].body, kind: "POSITION" });
    expect(body.article.title).toContain("open source");
  });

  it("answers 404 JSON for an unknown thread", async () => {
    const { status, body } = await call(getThreadRoute, "/api/threads/999999", { params: { id: "999999" } });
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it.each(["abc", "-1", "1.5", "99999999999"])("answers 400 for the malformed id %s", async (id) => {
    const { status, body } = await call(getThreadRoute, `/api/threads/${id}`, { params: { id } });
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
  });
});

describe("GET /api/threads with member threads", () => {
  it("pages across pinned and unpinned threads, ties broken by id, with no thread twice", async () => {
    const db = createPrismaClient(process.env.DATABASE_URL!);
    const author = await db.user.create({ data: { email: "author@example.test", name: "Autrice" } });
    // Two threads share a rank, so only the id orders them.
    for (const [title, hotRank] of [["Un fil plus ancien", 1], ["Premier ex aequo", 2], ["Second ex aequo", 2], ["Le plus récent", 3]] as const) {
      await db.thread.create({ data: { slug: title.toLowerCase().replace(/\W+/g, "-"), title, body: "Contexte.", authorId: author.id, hotRank } });
    }
    await db.$disconnect();

    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const { body } = await call(listThreadsRoute, `/api/threads${query}`);
      titles.push(...body.items.map((thread: { title: string }) => thread.title));
      cursor = body.nextCursor;
    } while (cursor);
    expect(titles).toEqual([
      ...QUESTIONS.map((q) => q.title),
      "Le plus récent",
      "Second ex aequo",
      "Premier ex aequo",
      "Un fil plus ancien",
    ]);
  });
});
