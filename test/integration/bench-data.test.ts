// The benchmark's data generator, at scale 0.001, so that it cannot rot between benchmarks.
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/passwords";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { withClient } from "@/scripts/db/admin";
import { checkCounters, generateData, sizesAt } from "@/scripts/bench/generate-data";

describe("npm run bench:data", () => {
  it("fills a seeded database at scale 0.001 with counters and ranks exactly as the app keeps them", async () => {
    const db = createPrismaClient(process.env.DATABASE_URL!);
    await seedDatabase(db);
    await db.$disconnect();
    const size = sizesAt(0.001);
    await withClient(process.env.DATABASE_URL!, async (client) => {
      await generateData(client, 0.001, await hashPassword("bench"));
      const count = async (sql: string) => (await client.query(sql)).rows[0].n as number;
      expect(await count("SELECT count(*)::int AS n FROM users")).toBe(size.users);
      expect(await count("SELECT count(*)::int AS n FROM threads")).toBe(5 + size.memberThreads);
      expect(await count("SELECT count(*)::int AS n FROM posts")).toBe(size.posts);
      expect(await count("SELECT count(*)::int AS n FROM posts WHERE depth > 0")).toBeGreaterThan(size.posts / 2);
      expect(await count("SELECT max(depth)::int AS n FROM posts")).toBe(3);
      // Duplicates (one vote per member and post) and self-votes are dropped, never multiplied.
      const votes = await count("SELECT count(*)::int AS n FROM post_votes");
      expect(votes).toBeGreaterThan(size.votes / 2);
      expect(votes).toBeLessThanOrEqual(size.votes);
      expect(await count("SELECT count(*)::int AS n FROM thread_stances")).toBe(size.stances);
      expect(await count("SELECT count(DISTINCT (thread_id, position_id))::int AS n FROM thread_stances")).toBe(9);
      expect(await count("SELECT count(*)::int AS n FROM reports")).toBeGreaterThan(0);
      expect(await count("SELECT count(*)::int AS n FROM reports")).toBeLessThanOrEqual(size.reports);
      // The first question is the busiest thread.
      expect(await count("SELECT t.question_number AS n FROM threads t ORDER BY post_count DESC, id LIMIT 1")).toBe(1);
      expect(await checkCounters(client)).toEqual({ postsOff: 0, threadsOff: 0 });
      // The counter and rank triggers are back on after the bulk load.
      const { rows } = await client.query("UPDATE posts SET upvotes = upvotes + 1 WHERE id = (SELECT min(id) FROM posts) RETURNING score, upvotes, downvotes");
      expect(rows[0].score).toBe(rows[0].upvotes - rows[0].downvotes);
      await client.query("DELETE FROM post_votes WHERE post_id = (SELECT max(post_id) FROM post_votes)");
      // Off: the post changed by hand above, not the one whose vote was deleted.
      expect(await checkCounters(client)).toEqual({ postsOff: 1, threadsOff: 0 });
    });
  });

  it("says when a counter is off", async () => {
    await withClient(process.env.DATABASE_URL!, async (client) => {
      await client.query("UPDATE posts SET reply_count = reply_count + 1 WHERE id = (SELECT min(id) FROM posts)");
      expect((await checkCounters(client)).postsOff).toBe(1);
    });
  });
});
