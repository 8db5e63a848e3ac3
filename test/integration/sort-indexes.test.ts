// Every sort is an index walk: on a table large enough for the planner to care, the plan of each
// page (first or after a cursor) reads the sort's index in order, with no Sort step.
import { beforeAll, describe, expect, it } from "vitest";
import { bestArgumentsQuery } from "@/lib/arguments";
import { agreementPointsQuery } from "@/lib/consensus";
import { conversationsPageQuery, rootsQuery } from "@/lib/posts";
import { POST_SORTS, postCursorKey } from "@/lib/schemas/post";
import { THREAD_SORTS, threadCursorKey } from "@/lib/schemas/thread";
import { threadsQuery } from "@/lib/threads";
import { withClient } from "@/scripts/db/admin";
import type { Prisma } from "@/lib/generated/prisma/client";

let threadId: number;
let questionId: number;
/** The long thread's positions and facets, as « Les arguments » reads them (a question has one or the other; the plan is the same). */
let positions: { id: number; label: string; colour: "BLUE" | "ORANGE" }[];
let facets: { id: number; label: string }[];

beforeAll(async () => {
  await withClient(process.env.DATABASE_URL!, async (client) => {
    await client.query(`INSERT INTO users (email, name, updated_at) VALUES ('bulk@example.test', 'Volume', now())`);
    await client.query(`
      INSERT INTO threads (slug, title, body, updated_at, created_at, upvotes, last_activity_at, is_pinned)
      SELECT 'fil-' || n, 'Une question numéro ' || n, 'x', now(), now() - n * interval '1 minute', n % 97, now() - n * interval '1 second', n % 500 = 0
      FROM generate_series(1, 5000) AS n`);
    threadId = (await client.query(`SELECT id FROM threads WHERE slug = 'fil-1'`)).rows[0].id;
    await client.query(`
      INSERT INTO posts (thread_id, author_id, body, upvotes, downvotes, created_at)
      SELECT t.id, (SELECT id FROM users LIMIT 1), 'avis', (n * 7) % 50, (n * 3) % 20, now() - n * interval '1 second'
      FROM generate_series(1, 40) AS n CROSS JOIN (SELECT id FROM threads ORDER BY id LIMIT 500) t`);
    // One long thread, as the forum's busiest ones are.
    await client.query(`
      INSERT INTO posts (thread_id, author_id, body, upvotes, downvotes, created_at)
      SELECT $1, (SELECT id FROM users LIMIT 1), 'avis', (n * 7) % 50, (n * 3) % 20, now() - n * interval '1 second'
      FROM generate_series(1, 20000) AS n`, [threadId]);
    // A long position question, its posts' votes spread over its three positions.
    questionId = (await client.query(`INSERT INTO threads (slug, title, body, kind, updated_at) VALUES ('camps', 'Une prise de position', 'x', 'POSITION', now()) RETURNING id`)).rows[0].id;
    await client.query(`INSERT INTO thread_positions (thread_id, ord, label, colour) VALUES ($1, 0, 'Oui', 'BLUE'), ($1, 1, 'Non', 'ORANGE'), ($1, 2, 'Mitigé', 'YELLOW')`, [questionId]);
    await client.query(`
      INSERT INTO posts (thread_id, author_id, body, upvotes, downvotes, created_at)
      SELECT $1, (SELECT id FROM users LIMIT 1), 'avis', 12, 6, now() - n * interval '1 second'
      FROM generate_series(1, 5000) AS n`, [questionId]);
    await client.query(`
      UPDATE posts SET position_upvotes = ARRAY[id % 5, (id * 3) % 4, id % 3], position_downvotes = ARRAY[id % 2, (id * 7) % 3, id % 2]
      WHERE thread_id = $1`, [questionId]);
    // Its posts spread over two positions and two facets.
    positions = (await client.query(`
      INSERT INTO thread_positions (thread_id, ord, label, colour) VALUES ($1, 0, 'Pour', 'BLUE'), ($1, 1, 'Contre', 'ORANGE')
      RETURNING id, label, colour::text AS colour`, [threadId])).rows;
    facets = (await client.query(`
      INSERT INTO thread_facets (thread_id, ord, label) VALUES ($1, 0, 'Risques'), ($1, 1, 'Opportunités') RETURNING id, label`, [threadId])).rows;
    await client.query(`
      UPDATE posts SET author_position_id = CASE WHEN id % 2 = 0 THEN $2::int ELSE $3::int END, facet_id = CASE WHEN id % 3 = 0 THEN $4::int ELSE $5::int END
      WHERE thread_id = $1`, [threadId, positions[0].id, positions[1].id, facets[0].id, facets[1].id]);
    await client.query("ANALYZE");
  });
});

async function plan(query: Prisma.Sql) {
  return withClient(process.env.DATABASE_URL!, async (client) => {
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${query.text}`, query.values);
    return JSON.stringify(rows[0]["QUERY PLAN"]);
  });
}

/** The tables a plan reads whole (sequential scans). */
function scannedWhole(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(scannedWhole);
  if (!node || typeof node !== "object") return [];
  const { "Node Type": type, "Relation Name": relation, ...rest } = node as Record<string, unknown>;
  return [...(type === "Seq Scan" ? [String(relation)] : []), ...Object.values(rest).flatMap(scannedWhole)];
}

describe("indexes serve every sort", () => {
  it.each(POST_SORTS.map((sort) => [sort]))("posts sorted by %s", async (sort) => {
    const value = sort === "new" || sort === "old" ? new Date().toISOString() : sort === "top" ? 5 : 0.5;
    for (const cursor of [undefined, postCursorKey.parse({ s: sort, v: value, id: 1_000_000 })]) {
      const json = await plan(rootsQuery(threadId, { sort, cursor }, 51));
      expect(json).toMatch(/"Index Name":"posts_roots_/);
      expect(json).not.toMatch(/"Node Type":"Sort"/);
    }
  });

  it("a page of conversations, in one statement, walks the sort's index for its posts and the conversations' index for their replies", async () => {
    for (const sort of POST_SORTS) {
      const json = await plan(conversationsPageQuery(threadId, { sort }, 21));
      expect(json, `${sort}: ${json}`).toMatch(/"Index Name":"posts_roots_/);
      expect(json).toMatch(/"Index Name":"posts_root_id_created_at_id_idx"/);
      expect(scannedWhole(JSON.parse(json)), json).not.toContain("posts");
    }
  });

  it("the consensus sort (first page and after a cursor) and « Points d'accord » walk posts_roots_consensus", async () => {
    for (const cursor of [undefined, postCursorKey.parse({ s: "consensus", v: 0.2, id: 1_000_000 })]) {
      const json = await plan(rootsQuery(questionId, { sort: "consensus", cursor }, 21));
      expect(json, `cursor ${JSON.stringify(cursor)}: ${json}`).toMatch(/"Index Name":"posts_roots_consensus"/);
      expect(json).not.toMatch(/"Node Type":"Sort"/);
    }
    const json = await plan(agreementPointsQuery(questionId, 3));
    expect(json, json).toMatch(/"Index Name":"posts_roots_consensus"/);
    expect(json).not.toMatch(/"Node Type":"Sort"/);
  });

  it.each(THREAD_SORTS.map((sort) => [sort]))("threads sorted by %s", async (sort) => {
    const value = sort === "new" || sort === "active" ? new Date().toISOString() : 1;
    for (const cursor of [undefined, threadCursorKey.parse({ s: sort, pinned: false, v: value, id: 1_000_000 })]) {
      const json = await plan(threadsQuery({ sort, cursor }, 21));
      expect(json).toMatch(/"Index Name":"threads_is_pinned_/);
      expect(json).not.toMatch(/"Node Type":"Sort"/);
    }
  });

  it.each([
    ["position", "posts_roots_position_best"],
    ["facet", "posts_roots_facet_best"],
  ] as const)("« Les arguments » by %s: each group's best posts", async (kind, index) => {
    const question = kind === "position" ? { kind: "POSITION" as const, positions, facets: [] } : { kind: "OPEN" as const, positions: [], facets };
    const json = await plan(bestArgumentsQuery({ id: threadId, ...question }, 3));
    expect(json).toMatch(new RegExp(`"Index Name":"${index}"`));
    expect(json).not.toMatch(/"Node Type":"Sort"/);
  });
});
