import fs from "node:fs";
import { inject, afterAll, describe, expect, it } from "vitest";
import { listMigrations, migrateDatabase } from "@/scripts/db/migrate";
import { SCHEMA_FILE, SNAPSHOT_FILE } from "@/scripts/db/paths";
import { diffSchemas } from "@/scripts/db/schema-engine";
import { describeSchema } from "../support/catalog";
import { createDatabase, databaseUrl, dropDatabase, withClient } from "@/scripts/db/admin";
import { newTestDatabaseName } from "../support/database-server";

const serverUrl = inject("databaseServerUrl");
const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(serverUrl, name);
});

async function emptyDatabase() {
  const name = newTestDatabaseName();
  created.push(name);
  await createDatabase(serverUrl, name);
  return databaseUrl(serverUrl, name);
}

const schema = fs.readFileSync(SCHEMA_FILE, "utf8");

/** A new database migrated up to the migration whose name ends so, not included: old-schema data goes in there. */
async function migratedUpTo(suffix: string) {
  const url = await emptyDatabase();
  const all = listMigrations();
  const at = all.findIndex((migration) => migration.name.endsWith(suffix));
  await migrateDatabase(url, all.slice(0, at));
  return { url, all, at };
}

describe("migrations", () => {
  it("build exactly the database that schema.prisma describes", async () => {
    const fromMigrations = await emptyDatabase();
    await migrateDatabase(fromMigrations);
    const fromSchema = await emptyDatabase();
    const sql = await diffSchemas(fromSchema, null, schema);
    await withClient(fromSchema, (client) => client.query(sql));

    const expected = await describeSchema(fromSchema);
    expect(expected.columns.length).toBeGreaterThan(50);
    expect(await describeSchema(fromMigrations)).toEqual(expected);
  });

  it("keep a snapshot of the schema they were written from, so the next migration diffs from it", async () => {
    const sql = await diffSchemas(process.env.DATABASE_URL!, fs.readFileSync(SNAPSHOT_FILE, "utf8"), schema);
    expect(sql).toMatch(/^(-- This is an empty migration\.)?\s*$/);
  });

  it("are recorded in _prisma_migrations as `prisma migrate deploy` records them, and applied once", async () => {
    const url = await emptyDatabase();
    const migrations = listMigrations();
    expect(await migrateDatabase(url)).toEqual(migrations.map((m) => m.name));
    expect(await migrateDatabase(url)).toEqual([]);
    const { rows } = await withClient(url, (client) =>
      client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`),
    );
    expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
    expect(migrations[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("roll a failing migration back whole and record nothing", async () => {
    const url = await emptyDatabase();
    const broken = [{ name: "99990101000000_broken", sql: "CREATE TABLE half_written (id int); SELECT no_such_column FROM half_written;", checksum: "0".repeat(64) }];
    await expect(migrateDatabase(url, broken)).rejects.toThrow(/99990101000000_broken failed/);
    const { rows } = await withClient(url, (client) =>
      client.query(`SELECT to_regclass('half_written') AS table_left, (SELECT count(*)::int FROM _prisma_migrations) AS recorded`),
    );
    expect(rows[0]).toEqual({ table_left: null, recorded: 0 });
  });

  it("carry the stances of before positions over to each question's own positions", async () => {
    const { url, all, at } = await migratedUpTo("_thread_positions");
    await withClient(url, async (client) => {
      const insert = async (sql: string) => (await client.query(`${sql} RETURNING id`)).rows[0].id as number;
      const [ana, bob] = [await insert(`INSERT INTO users (email, name, updated_at) VALUES ('ana@example.test', 'Ana', now())`), await insert(`INSERT INTO users (email, name, updated_at) VALUES ('bob@example.test', 'Bob', now())`)];
      const article = await insert(`INSERT INTO articles (slug, title, body, source_title, source_note) VALUES ('article', 'Un article', 'Texte', 'Source', 'Note')`);
      const llama = await insert(`INSERT INTO threads (slug, title, body, kind, article_id, question_number, updated_at) VALUES ('q2', 'Llama 2 est-il open source ?', 'x', 'POSITION', ${article}, 2, now())`);
      const member = await insert(`INSERT INTO threads (slug, title, body, kind, updated_at) VALUES ('m', 'Une question de membre', 'x', 'POSITION', now())`);
      await client.query(`INSERT INTO thread_stances (thread_id, user_id, stance, updated_at) VALUES (${llama}, ${ana}, 'AGREE', now()), (${llama}, ${bob}, 'NUANCED', now()), (${member}, ${ana}, 'DISAGREE', now())`);
      await client.query(`INSERT INTO posts (thread_id, author_id, body) VALUES (${llama}, ${ana}, 'Avis'), (${member}, ${bob}, 'Avis sans position')`);
      expect(await migrateDatabase(url)).toEqual(all.slice(at).map((migration) => migration.name));
      const rows = async (sql: string) => (await client.query(sql)).rows;
      expect(await rows(`SELECT t.slug, p.ord, p.label, p.stance_count AS count FROM thread_positions p JOIN threads t ON t.id = p.thread_id ORDER BY t.slug, p.ord`)).toEqual([
        { slug: "m", ord: 0, label: "D’accord", count: 0 },
        { slug: "m", ord: 1, label: "Pas d’accord", count: 1 },
        { slug: "m", ord: 2, label: "Mitigé", count: 0 },
        { slug: "q2", ord: 0, label: "Llama 2 n’est pas open source", count: 1 },
        { slug: "q2", ord: 1, label: "Llama 2 est open source", count: 0 },
        { slug: "q2", ord: 2, label: "C’est plus nuancé", count: 1 },
      ]);
      // Posts take their author's position of today (none for Bob on his question); each stance opens the history.
      expect(await rows(`SELECT p.body, pos.label FROM posts p LEFT JOIN thread_positions pos ON pos.id = p.author_position_id ORDER BY p.id`)).toEqual([
        { body: "Avis", label: "Llama 2 n’est pas open source" },
        { body: "Avis sans position", label: null },
      ]);
      expect(await rows(`SELECT c.user_id AS "userId", c.from_position_id AS "from", pos.label AS "to" FROM stance_changes c JOIN thread_positions pos ON pos.id = c.to_position_id ORDER BY pos.label`)).toEqual([
        { userId: bob, from: null, to: "C’est plus nuancé" },
        { userId: ana, from: null, to: "Llama 2 n’est pas open source" },
        { userId: ana, from: null, to: "Pas d’accord" },
      ]);
      // The threads' other counters keep their check.
      await expect(client.query(`UPDATE threads SET post_count = -1 WHERE id = ${llama}`)).rejects.toThrow(/threads_counters_check/);
    });
  });

  it("count the votes cast before consensus by each voter's position of today, and score them", async () => {
    const { url, all, at } = await migratedUpTo("_arguments_consensus_closing");
    await withClient(url, async (client) => {
      const insert = async (sql: string) => (await client.query(`${sql} RETURNING id`)).rows[0].id as number;
      const users = [];
      for (const name of ["ana", "bob", "cleo", "dan", "eve"]) users.push(await insert(`INSERT INTO users (email, name, updated_at) VALUES ('${name}@example.test', '${name}', now())`));
      const [ana, bob, cleo, dan, eve] = users;
      const question = await insert(`INSERT INTO threads (slug, title, body, kind, updated_at) VALUES ('q', 'Une prise de position', 'x', 'POSITION', now())`);
      const open = await insert(`INSERT INTO threads (slug, title, body, updated_at) VALUES ('o', 'Une question ouverte', 'x', now())`);
      const [yes, no] = [
        await insert(`INSERT INTO thread_positions (thread_id, ord, label, colour) VALUES (${question}, 0, 'Oui', 'BLUE')`),
        await insert(`INSERT INTO thread_positions (thread_id, ord, label, colour) VALUES (${question}, 1, 'Non', 'ORANGE')`),
      ];
      // Ana and Bob say yes, Cleo no; Dan changed from no to yes before the migration; Eve holds none.
      await client.query(`INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) VALUES (${question}, ${ana}, ${yes}, now()), (${question}, ${bob}, ${yes}, now()), (${question}, ${cleo}, ${no}, now()), (${question}, ${dan}, ${no}, now())`);
      await client.query(`UPDATE thread_stances SET position_id = ${yes} WHERE user_id = ${dan}`);
      const agreed = await insert(`INSERT INTO posts (thread_id, author_id, body) VALUES (${question}, ${ana}, 'Approuvée')`);
      const disputed = await insert(`INSERT INTO posts (thread_id, author_id, body) VALUES (${question}, ${cleo}, 'Disputée')`);
      const unvoted = await insert(`INSERT INTO posts (thread_id, author_id, body) VALUES (${question}, ${bob}, 'Sans vote')`);
      const openPost = await insert(`INSERT INTO posts (thread_id, author_id, body) VALUES (${open}, ${ana}, 'Ouverte')`);
      const vote = (post: number, user: number, value: number) => client.query(`INSERT INTO post_votes (post_id, user_id, value, updated_at) VALUES (${post}, ${user}, ${value}, now())`);
      for (const [user, value] of [[bob, 1], [cleo, 1], [dan, -1], [eve, 1]]) await vote(agreed, user, value);
      for (const [user, value] of [[ana, -1], [bob, -1], [dan, 1], [eve, -1]]) await vote(disputed, user, value);
      await vote(openPost, bob, 1);

      expect(await migrateDatabase(url)).toEqual(all.slice(at).map((migration) => migration.name));
      const { rows } = await client.query(`SELECT id, upvotes, downvotes, position_upvotes AS ups, position_downvotes AS downs, consensus FROM posts ORDER BY id`);
      const byId = new Map(rows.map((row) => [row.id, row]));
      // Oui then Non, each voter under their position of today (Dan under Oui), Eve in the totals only.
      expect(byId.get(agreed)).toMatchObject({ upvotes: 3, downvotes: 1, ups: [1, 1], downs: [1, 0] });
      expect(byId.get(agreed).consensus).toBeCloseTo((2 / 4) * (2 / 3), 12);
      expect(byId.get(disputed)).toMatchObject({ upvotes: 1, downvotes: 3, ups: [1, 0], downs: [2, 0] });
      expect(byId.get(disputed).consensus).toBeCloseTo((2 / 5) * (1 / 2), 12);
      expect(byId.get(unvoted)).toMatchObject({ ups: [0, 0], downs: [0, 0], consensus: 0.25 });
      expect(byId.get(openPost)).toMatchObject({ upvotes: 1, ups: [], downs: [], consensus: 0 });
      // From then on the triggers keep them: Eve takes a position, and her votes join it.
      await client.query(`INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) VALUES (${question}, ${eve}, ${no}, now())`);
      const after = (await client.query(`SELECT position_upvotes AS ups, position_downvotes AS downs FROM posts WHERE id = ${disputed}`)).rows[0];
      expect(after).toEqual({ ups: [1, 0], downs: [2, 1] });
    });
  });

  it("enforce the invariants schema.prisma cannot express", async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    await withClient(url, async (client) => {
      const insert = async (sql: string) => (await client.query(`${sql} RETURNING id`)).rows[0].id as number;
      await expect(client.query(`INSERT INTO users (email, name, updated_at) VALUES ('Upper@Example.test', 'Ana', now())`)).rejects.toThrow(/users_email_lower_case_check/);
      const user = await insert(`INSERT INTO users (email, name, updated_at) VALUES ('ana@example.test', 'Ana', now())`);
      const thread = await insert(`INSERT INTO threads (slug, title, body, updated_at) VALUES ('fil', 'Un titre assez long', 'Contexte', now())`);
      const post = await insert(`INSERT INTO posts (thread_id, author_id, body) VALUES (${thread}, ${user}, 'Bonjour')`);
      await expect(client.query(`INSERT INTO post_votes (post_id, user_id, value, updated_at) VALUES (${post}, ${user}, 2, now())`)).rejects.toThrow(/post_votes_value_check/);
      await expect(client.query(`INSERT INTO posts (thread_id, author_id, body, depth) VALUES (${thread}, ${user}, 'x', 1)`)).rejects.toThrow(/posts_depth_check/);
      await client.query(`INSERT INTO reports (reporter_id, target_type, post_id, reason) VALUES (${user}, 'POST', ${post}, 'SPAM')`);
      await expect(client.query(`INSERT INTO reports (reporter_id, target_type, post_id, reason) VALUES (${user}, 'POST', ${post}, 'OTHER')`)).rejects.toThrow(/reports_one_open_per_post/);
      await client.query(`INSERT INTO moderation_log (action, target_type, post_id, reason) VALUES ('HIDE_POST', 'POST', ${post}, 'spam')`);
      await expect(client.query(`UPDATE moderation_log SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM moderation_log`)).rejects.toThrow(/append-only/);
    });
  });
});
