import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postRoute } from "@/app/api/threads/[id]/posts/route";
import { POST as createThreadRoute } from "@/app/api/threads/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { consumeRateLimit, RETENTION_MS } from "@/lib/rate-limit";
import { createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

const FAILING_BODY = "Ce texte fait échouer l'écriture.";

describe("a write that fails leaves the posting limits unconsumed", () => {
  // A failure inside the write's transaction, after the limits were counted: the database refuses the row.
  async function failInsertsInto(table: "posts" | "threads") {
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'échec provoqué'; END $$`);
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE TRIGGER test_fail_write BEFORE INSERT ON ${table}
      FOR EACH ROW WHEN (NEW.body = '${FAILING_BODY.replace(/'/g, "''")}') EXECUTE FUNCTION test_fail_write()`);
  }

  it("a post that fails with a 500 does not count: the next post is accepted at once", async () => {
    await failInsertsInto("posts");
    const thread = await createThreadRow();
    const member = await createMember();
    const id = String(thread.id);
    const write = (body: string) =>
      call(postRoute, `/api/threads/${id}/posts`, { method: "POST", params: { id }, json: { body }, headers: { cookie: member.cookie } });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await write(FAILING_BODY)).status).toBe(500);
    } finally {
      error.mockRestore();
    }
    expect(await db.rateLimitHit.count({ where: { key: { endsWith: `:${member.id}` } } })).toBe(0);
    expect((await write("Une contribution qui passe.")).status).toBe(201);
  });

  it("a proposed thread that fails with a 500 does not count either", async () => {
    await failInsertsInto("threads");
    const member = await createMember();
    const propose = (body: string) =>
      call(createThreadRoute, "/api/threads", { method: "POST", json: { title: "Une question qui échoue", body }, headers: { cookie: member.cookie } });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await propose(FAILING_BODY)).status).toBe(500);
    } finally {
      error.mockRestore();
    }
    expect((await propose("Un contexte qui passe.")).status).toBe(201);
  });
});

describe("posting limits under concurrency", () => {
  it("of 30 posts one member sends at once, one is accepted and the others get 429, none a 500", async () => {
    const thread = await createThreadRow();
    const member = await createMember();
    const id = String(thread.id);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(postRoute, `/api/threads/${id}/posts`, { method: "POST", params: { id }, json: { body: `Envoi simultané ${i}` }, headers: { cookie: member.cookie } }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array(29).fill(429)]);
    expect(await db.post.count({ where: { authorId: member.id } })).toBe(1);
  });
});

describe("expired hits of every key are forgotten", () => {
  it("keeps the table to the live hits under a stream of distinct keys, with bounded work per call", async () => {
    // An hour older than the longest window: counted by no limit any more.
    const pastRetention = new Date(Date.now() - RETENTION_MS - 3_600_000);
    await db.rateLimitHit.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({ key: `votesPerMember:forged-${i}`, createdAt: pastRetention })),
    });
    await consumeRateLimit("votesPerMember", "stream-0");
    // One call forgets a batch, not everything at once.
    expect(await db.rateLimitHit.count({ where: { createdAt: pastRetention } })).toBe(200);
    for (let i = 1; i < 50; i += 1) await consumeRateLimit("votesPerMember", `stream-${i}`);
    expect(await db.rateLimitHit.count({ where: { createdAt: pastRetention } })).toBe(0);
    expect(await db.rateLimitHit.count()).toBe(50);
  });

  it("never forgets a hit that still counts for the longest window", async () => {
    const fiftyMinutesAgo = new Date(Date.now() - 50 * 60_000);
    await db.rateLimitHit.createMany({
      data: Array.from({ length: 30 }, () => ({ key: "postsPerMemberHour:42", createdAt: fiftyMinutesAgo })),
    });
    await consumeRateLimit("votesPerMember", "someone");
    await expect(consumeRateLimit("postsPerMemberHour", "42")).rejects.toMatchObject({ code: "rate_limited" });
  });
});
