// The benchmark's data set, generated inside PostgreSQL (INSERT … SELECT over generate_series),
// never row by row through the ORM. At scale 1: 20,000 users, the 5 seeded questions plus 500
// member threads, 200,000 posts (long-tailed: the busiest thread gets about an eighth of them;
// 60% are replies, nested up to 4 levels), 2,000,000 votes, 50,000 stances and 2,000 reports.
// Counters and ranks are then computed from the rows, as the app keeps them; checkCounters()
// proves it.
import type pg from "pg";

export type Scale = { users: number; memberThreads: number; posts: number; votes: number; stances: number; reports: number };

export function sizesAt(scale: number): Scale {
  const at = (count: number, minimum: number) => Math.max(minimum, Math.round(count * scale));
  return {
    users: at(20_000, 20),
    memberThreads: at(500, 2),
    posts: at(200_000, 50),
    votes: at(2_000_000, 200),
    stances: at(50_000, 20),
    reports: at(2_000, 5),
  };
}

// The share of posts in each round: top-level posts, then replies one level deeper each time.
const ROUNDS = [0.4, 0.3, 0.2, 0.1];
// A post's thread is floor(r³ × threads) for a uniform r: thread 0 (the first question) gets
// (1/threads)^(1/3) of the posts, about 12% at scale 1, and the tail thins out from there.
const SKEW = 3;
// Each random index is drawn once per generated row, in a subquery fenced by OFFSET 0: without
// the fence the planner may evaluate random() inside the join, matching a row many times.

async function step(client: pg.Client, label: string, sql: string, params: unknown[] = []) {
  const started = Date.now();
  const result = await client.query(sql, params);
  console.log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Fills a migrated, seeded, otherwise empty database. `passwordHash` is every bench user's. */
export async function generateData(client: pg.Client, scale: number, passwordHash: string) {
  const size = sizesAt(scale);
  await client.query("SET synchronous_commit = off");
  // Bulk load: the counter and rank triggers would run per row; counters and ranks are set once
  // at the end instead.
  await setBulkLoadTriggers(client, "DISABLE");
  try {
    await step(client, "users", `
      INSERT INTO users (email, name, password_hash, created_at, updated_at)
      SELECT 'bench' || n || '@bench.example', 'Membre ' || n, $2, now() - (n % 365) * interval '1 day', now()
      FROM generate_series(1, $1) AS n`, [size.users, passwordHash]);
    await step(client, "member threads", `
      INSERT INTO threads (slug, title, body, body_html, kind, author_id, created_at, last_activity_at, updated_at)
      SELECT 'bench-question-' || n, 'Question de banc d’essai numéro ' || n, 'Le contexte de la question ' || n || '.',
        '<p>Le contexte de la question ' || n || '.</p>', 'OPEN',
        (SELECT min(id) FROM users WHERE email LIKE 'bench%') + (n::bigint * 7919) % $2, now() - (n % 90) * interval '1 day', now(), now()
      FROM generate_series(1, $1) AS n`, [size.memberThreads, size.users]);
    await client.query(`CREATE TEMP TABLE bench_threads AS SELECT row_number() OVER (ORDER BY question_number NULLS LAST, id) - 1 AS rn, id FROM threads`);
    await client.query(`CREATE TEMP TABLE bench_users AS SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id FROM users WHERE email LIKE 'bench%'`);
    await client.query("CREATE INDEX ON bench_threads (rn)");
    await client.query("CREATE INDEX ON bench_users (rn)");
    const threadCount = (await client.query("SELECT count(*)::int AS n FROM bench_threads")).rows[0].n;

    let previous = "";
    for (const [depth, share] of ROUNDS.entries()) {
      const count = Math.max(1, Math.round(size.posts * share));
      if (depth === 0) {
        await step(client, "top-level posts", `
          INSERT INTO posts (thread_id, author_id, depth, body, body_html, created_at)
          SELECT t.id, u.id, 0, 'Un avis de banc d’essai, numéro ' || g.n || '.', '<p>Un avis de banc d’essai, numéro ' || g.n || '.</p>',
            now() - random() * interval '60 days'
          FROM (SELECT n, floor(power(random(), ${SKEW}) * $2)::int AS thread_rn FROM generate_series(1, $1) AS n OFFSET 0) g
          JOIN bench_threads t ON t.rn = g.thread_rn
          JOIN bench_users u ON u.rn = (g.n::bigint * 104729) % $3`, [count, threadCount, size.users]);
      } else {
        await step(client, `replies at depth ${depth}`, `
          INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html, created_at)
          SELECT p.thread_id, u.id, p.id, coalesce(p.root_id, p.id), $4, 'Une réponse numéro ' || g.n || '.', '<p>Une réponse numéro ' || g.n || '.</p>',
            p.created_at + random() * interval '2 days'
          FROM (SELECT n, floor(random() * $2)::int AS parent_rn FROM generate_series(1, $1) AS n OFFSET 0) g
          JOIN ${previous} c ON c.rn = g.parent_rn
          JOIN posts p ON p.id = c.id
          JOIN bench_users u ON u.rn = (g.n::bigint * 7927) % $3`, [count, (await client.query(`SELECT count(*)::int AS n FROM ${previous}`)).rows[0].n, size.users, depth]);
      }
      const table = `bench_depth_${depth}`;
      await client.query(`CREATE TEMP TABLE ${table} AS SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id FROM posts WHERE depth = $1`, [depth]);
      await client.query(`CREATE INDEX ON ${table} (rn)`);
      previous = table;
    }
    await client.query(`CREATE TEMP TABLE bench_posts AS SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id, author_id FROM posts`);
    await client.query("CREATE INDEX ON bench_posts (rn)");
    const postCount = (await client.query("SELECT count(*)::int AS n FROM bench_posts")).rows[0].n;

    // Votes lean towards the first posts of the busiest threads (r² skew); one per member and post.
    await step(client, "votes", `
      INSERT INTO post_votes (post_id, user_id, value, created_at, updated_at)
      SELECT p.id, u.id, CASE WHEN g.n % 4 = 0 THEN -1 ELSE 1 END, now(), now()
      FROM (SELECT n, floor(power(random(), 2) * $2)::int AS post_rn, floor(random() * $3)::int AS user_rn FROM generate_series(1, $1) AS n OFFSET 0) g
      JOIN bench_posts p ON p.rn = g.post_rn
      JOIN bench_users u ON u.rn = g.user_rn
      WHERE u.id <> p.author_id
      ON CONFLICT DO NOTHING`, [size.votes, postCount, size.users]);
    // Stances: member n/3 on question n % 3, so that every draw is a distinct (member, question),
    // on the question's first, second or third position in turn.
    await step(client, "stances", `
      INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at)
      SELECT t.id, u.id, p.id, now()
      FROM (SELECT n, (n / 3) % $2 AS user_rn FROM generate_series(0, $1 - 1) AS n) g
      JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id FROM threads WHERE kind = 'POSITION') t ON t.rn = g.n % 3
      JOIN thread_positions p ON p.thread_id = t.id AND p.ord = (g.n / 3) % 3
      JOIN bench_users u ON u.rn = g.user_rn
      ON CONFLICT DO NOTHING`, [size.stances, size.users]);
    await step(client, "reports", `
      INSERT INTO reports (reporter_id, target_type, post_id, reason, status, created_at)
      SELECT u.id, 'POST', p.id, (ARRAY['SPAM', 'HARASSMENT', 'OFF_TOPIC', 'OTHER'])[1 + g.n % 4]::"ReportReason",
        CASE WHEN g.n % 3 = 0 THEN 'OPEN' ELSE 'DISMISSED' END::"ReportStatus", now() - random() * interval '30 days'
      FROM (SELECT n, floor(random() * $2)::int AS post_rn, floor(random() * $3)::int AS user_rn FROM generate_series(1, $1) AS n OFFSET 0) g
      JOIN bench_posts p ON p.rn = g.post_rn
      JOIN bench_users u ON u.rn = g.user_rn
      ON CONFLICT DO NOTHING`, [size.reports, postCount, size.users]);

    await computeCounters(client);
  } finally {
    await setBulkLoadTriggers(client, "ENABLE");
  }
  await client.query("ANALYZE");
}

const BULK_LOAD_TRIGGERS = [
  ["posts", "posts_rank"],
  ["threads", "threads_rank"],
  ["post_votes", "post_votes_count"],
  ["posts", "posts_author_position"],
  ["thread_stances", "thread_stances_record"],
];

async function setBulkLoadTriggers(client: pg.Client, state: "ENABLE" | "DISABLE") {
  for (const [table, trigger] of BULK_LOAD_TRIGGERS) await client.query(`ALTER TABLE ${table} ${state} TRIGGER ${trigger}`);
}

/** Every counter and rank from the rows, with the same SQL functions the triggers use. */
async function computeCounters(client: pg.Client) {
  await step(client, "post counters and ranks", `
    UPDATE posts p SET upvotes = coalesce(v.up, 0), downvotes = coalesce(v.down, 0), score = coalesce(v.up, 0) - coalesce(v.down, 0),
      reply_count = coalesce(r.n, 0),
      best_rank = agora_wilson_lower_bound(coalesce(v.up, 0), coalesce(v.down, 0)),
      controversy = agora_controversy(coalesce(v.up, 0), coalesce(v.down, 0))
    FROM posts base
    LEFT JOIN (SELECT post_id, count(*) FILTER (WHERE value = 1)::int AS up, count(*) FILTER (WHERE value = -1)::int AS down FROM post_votes GROUP BY post_id) v ON v.post_id = base.id
    LEFT JOIN (SELECT parent_id, count(*)::int AS n FROM posts WHERE parent_id IS NOT NULL GROUP BY parent_id) r ON r.parent_id = base.id
    WHERE p.id = base.id`);
  await step(client, "thread counters and ranks", `
    UPDATE threads t SET post_count = coalesce(p.n, 0), last_activity_at = greatest(t.created_at, coalesce(p.last, t.created_at)),
      hot_rank = agora_hot_rank(t.score, t.created_at)
    FROM threads base
    LEFT JOIN (SELECT thread_id, count(*)::int AS n, max(created_at) AS last FROM posts WHERE deleted_at IS NULL GROUP BY thread_id) p ON p.thread_id = base.id
    WHERE t.id = base.id`);
  await step(client, "position tallies", `
    UPDATE thread_positions p SET stance_count = (SELECT count(*) FROM thread_stances s WHERE s.position_id = p.id)`);
  await step(client, "votes by position and consensus", `
    UPDATE posts p SET position_upvotes = r.ups, position_downvotes = r.downs, consensus = agora_consensus(r.ups, r.downs)
    FROM agora_recount_position_votes() r WHERE r.post = p.id`);
}

/**
 * Rows whose stored counters or ranks differ from what their rows say: zero when the data set is
 * exactly what the app would have computed.
 */
export async function checkCounters(client: pg.Client) {
  const { rows } = await client.query(`
    SELECT
      (SELECT count(*) FROM posts p
        LEFT JOIN (SELECT post_id, count(*) FILTER (WHERE value = 1) AS up, count(*) FILTER (WHERE value = -1) AS down FROM post_votes GROUP BY post_id) v ON v.post_id = p.id
        LEFT JOIN (SELECT parent_id, count(*) AS n FROM posts WHERE parent_id IS NOT NULL GROUP BY parent_id) r ON r.parent_id = p.id
        LEFT JOIN agora_recount_position_votes() c ON c.post = p.id
        WHERE p.upvotes <> coalesce(v.up, 0) OR p.downvotes <> coalesce(v.down, 0) OR p.score <> p.upvotes - p.downvotes
          OR p.reply_count <> coalesce(r.n, 0)
          OR abs(p.best_rank - agora_wilson_lower_bound(p.upvotes, p.downvotes)) > 1e-12
          OR abs(p.controversy - agora_controversy(p.upvotes, p.downvotes)) > 1e-12
          OR p.position_upvotes IS DISTINCT FROM coalesce(c.ups, '{}') OR p.position_downvotes IS DISTINCT FROM coalesce(c.downs, '{}')
          OR abs(p.consensus - agora_consensus(p.position_upvotes, p.position_downvotes)) > 1e-12)::int AS "postsOff",
      (SELECT count(*) FROM threads t
        LEFT JOIN (SELECT thread_id, count(*) AS n FROM posts WHERE deleted_at IS NULL GROUP BY thread_id) p ON p.thread_id = t.id
        WHERE t.post_count <> coalesce(p.n, 0) OR abs(t.hot_rank - agora_hot_rank(t.score, t.created_at)) > 1e-9
          OR EXISTS (SELECT 1 FROM thread_positions tp WHERE tp.thread_id = t.id
            AND tp.stance_count <> (SELECT count(*) FROM thread_stances s WHERE s.position_id = tp.id)))::int AS "threadsOff"`);
  return rows[0] as { postsOff: number; threadsOff: number };
}
