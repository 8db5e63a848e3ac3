// The ranking formulas live in SQL (migration "ranking"), where triggers keep the stored ranks
// current; here they are checked on known values.
import { describe, expect, it } from "vitest";
import { withClient } from "@/scripts/db/admin";

const sql = <T>(query: string, params: unknown[] = []) =>
  withClient(process.env.DATABASE_URL!, async (client) => (await client.query(query, params)).rows[0].value as T);

describe("agora_hot_rank", () => {
  const at = "2026-01-01T00:00:00Z";
  const base = new Date(at).getTime() / 1000 / 45_000;
  const hot = (score: number, createdAt = at) => sql<number>("SELECT agora_hot_rank($1, $2::timestamptz AT TIME ZONE 'UTC') AS value", [score, createdAt]);

  it("is the creation time in 45,000-second units for a score of 0 or ±1", async () => {
    expect(await hot(0)).toBeCloseTo(base, 9);
    expect(await hot(1)).toBeCloseTo(base, 9);
    expect(await hot(-1)).toBeCloseTo(base, 9);
  });

  it("adds one per tenfold score, and takes one away per tenfold negative score", async () => {
    expect(await hot(10)).toBeCloseTo(base + 1, 9);
    expect(await hot(100)).toBeCloseTo(base + 2, 9);
    expect(await hot(-100)).toBeCloseTo(base - 2, 9);
  });

  it("weighs 12.5 hours of age like a tenfold score", async () => {
    expect(await hot(1, "2026-01-01T12:30:00Z")).toBeCloseTo(await hot(10), 9);
  });
});

// Expected values computed independently (Python, z = 1.959963984540054).
describe("agora_wilson_lower_bound (95%)", () => {
  const wilson = (up: number, down: number) => sql<number>("SELECT agora_wilson_lower_bound($1, $2) AS value", [up, down]);

  it.each([
    [0, 0, 0],
    [1, 0, 0.20654931438],
    [0, 1, 0],
    [5, 5, 0.23659309051],
    [10, 0, 0.72246720014],
    [100, 10, 0.84070347282],
    [600, 400, 0.56930942951],
  ])("of %i up and %i down is %f", async (up, down, expected) => {
    expect(await wilson(up, down)).toBeCloseTo(expected, 8);
  });

  it("ranks many positive votes above few, at the same ratio", async () => {
    expect(await wilson(100, 10)).toBeGreaterThan(await wilson(10, 1));
  });
});

describe("agora_controversy", () => {
  const controversy = (up: number, down: number) => sql<number>("SELECT agora_controversy($1, $2) AS value", [up, down]);

  it.each([
    [0, 0, 0],
    [10, 0, 0],
    [0, 10, 0],
    [5, 5, 10],
    [10, 5, 15 ** 0.5],
    [5, 10, 15 ** 0.5],
    [100, 1, 101 ** 0.01],
  ])("of %i up and %i down is %f", async (up, down, expected) => {
    expect(await controversy(up, down)).toBeCloseTo(expected, 9);
  });
});

describe("the rank triggers", () => {
  it("keep score and ranks of posts and threads in step with their counters", async () => {
    await withClient(process.env.DATABASE_URL!, async (client) => {
      const thread = (await client.query(
        "INSERT INTO threads (slug, title, body, updated_at, created_at, upvotes, downvotes) VALUES ('classement', 'Un fil classé', 'x', now(), '2026-01-01', 12, 2) RETURNING *",
      )).rows[0];
      expect(thread.score).toBe(10);
      expect(thread.hot_rank).toBeCloseTo(new Date("2026-01-01T00:00:00Z").getTime() / 1000 / 45_000 + 1, 9);
      const user = (await client.query("INSERT INTO users (email, name, updated_at) VALUES ('r@example.test', 'Rang', now()) RETURNING id")).rows[0];
      const post = (await client.query("INSERT INTO posts (thread_id, author_id, body) VALUES ($1, $2, 'x') RETURNING id", [thread.id, user.id])).rows[0];
      const updated = (await client.query("UPDATE posts SET upvotes = 10, downvotes = 5 WHERE id = $1 RETURNING *", [post.id])).rows[0];
      expect(updated.score).toBe(5);
      expect(updated.controversy).toBeCloseTo(15 ** 0.5, 9);
      expect(updated.best_rank).toBeGreaterThan(0.4);
    });
  });
});
