// The benchmark's scenarios (issue 7), against the app and, for 2 and 4, the raw-pg baseline.
import type autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { encodeCursor } from "../../lib/schemas/pagination";
import { withClient } from "../db/admin";

const SIGNED_IN_USERS = 500;
/** How deep the "deep page" starts: this many top-level posts in, or half the thread if shorter. */
const DEEP_PAGE_OFFSET = 1000;

export type Scenario = { number: number; name: string; target: "app" | "baseline"; options: autocannon.Options };

/** What the scenarios need from a loaded database: its largest thread, voters and their cookies. */
export async function prepare(url: string, secret: string) {
  const setup = await withClient(url, async (client) => {
    const largest = (await client.query("SELECT id, slug, post_count FROM threads ORDER BY post_count DESC LIMIT 1")).rows[0];
    if (!largest || largest.post_count === 0) throw new Error("No benchmark data: run `npm run bench:data -- --scale 1` first.");
    const deep = (await client.query(
      `SELECT best_rank, id FROM posts WHERE thread_id = $1 AND parent_id IS NULL ORDER BY best_rank DESC, id DESC
       OFFSET least($2, (SELECT count(*) / 2 FROM posts WHERE thread_id = $1 AND parent_id IS NULL)) LIMIT 1`,
      [largest.id, DEEP_PAGE_OFFSET],
    )).rows[0];
    const users = (await client.query("SELECT id FROM users WHERE email LIKE 'bench%' ORDER BY id LIMIT $1", [SIGNED_IN_USERS])).rows.map((row) => row.id as number);
    const posts = (await client.query("SELECT id, author_id FROM posts WHERE thread_id = $1 ORDER BY random() LIMIT 5000", [largest.id])).rows as { id: number; author_id: number }[];
    // A session row per voter, as a sign-in opens one: the app refuses a cookie without it.
    const sessions = (await client.query(
      `INSERT INTO sessions (user_id, created_at, expires_at) SELECT id, agora_utc_now(), agora_utc_now() + interval '1 day'
       FROM unnest($1::int[]) AS id RETURNING id::text AS sid, user_id`,
      [users],
    )).rows as { sid: string; user_id: number }[];
    const sessionOf = new Map(sessions.map((session) => [session.user_id, session.sid]));
    return { largest, deepCursor: deep ? encodeCursor({ s: "best", v: deep.best_rank, id: deep.id }) : null, users, posts, sessionOf };
  });
  const cookies = await Promise.all(
    setup.users.map(async (uid) => `next-auth.session-token=${await encode({ token: { uid, sv: 0, sid: setup.sessionOf.get(uid) }, secret })}`),
  );
  /** Posts whose stored vote counters differ from their vote rows (0 after an exact run). */
  const countersOff = () =>
    withClient(url, async (client) => (await client.query(`
      SELECT count(*)::int AS off FROM posts p
      LEFT JOIN (SELECT post_id, count(*) FILTER (WHERE value = 1) AS up, count(*) FILTER (WHERE value = -1) AS down FROM post_votes GROUP BY post_id) v ON v.post_id = p.id
      WHERE p.upvotes <> coalesce(v.up, 0) OR p.downvotes <> coalesce(v.down, 0)`)).rows[0].off as number);
  return { ...setup, cookies, countersOff };
}

export function scenarios(setup: Awaited<ReturnType<typeof prepare>>, appUrl: string, baselineUrl: string): Scenario[] {
  const { largest, deepCursor, users, posts, cookies } = setup;
  const json = { origin: appUrl, "content-type": "application/json" };
  let turn = 0;
  const nextVoter = () => {
    turn += 1;
    const user = turn % users.length;
    const post = posts[(turn * 7919) % posts.length];
    const voter = post.author_id === users[user] ? (user + 1) % users.length : user;
    // Half the votes withdraw: the value alternates between +1 and 0 per request.
    return { user: voter, postId: post.id, value: turn % 2 };
  };
  const postsPath = `/threads/${largest.id}/posts`;
  return [
    // Not in the issue: the cost of the framework itself, a route that runs one `SELECT 1`.
    { number: 0, name: "0. floor: GET /api/health (SELECT 1)", target: "app", options: { url: `${appUrl}/api/health` } },
    { number: 0, name: "0. floor: GET /api/health (SELECT 1)", target: "baseline", options: { url: `${baselineUrl}/health` } },
    { number: 1, name: "1. thread page (HTML)", target: "app", options: { url: `${appUrl}/t/${largest.slug}` } },
    { number: 2, name: "2. posts API, first page", target: "app", options: { url: `${appUrl}/api${postsPath}?sort=best` } },
    { number: 2, name: "2. posts API, first page", target: "baseline", options: { url: `${baselineUrl}${postsPath}` } },
    ...(deepCursor
      ? ([
          { number: 2, name: "2. posts API, deep page", target: "app", options: { url: `${appUrl}/api${postsPath}?sort=best&cursor=${deepCursor}` } },
          { number: 2, name: "2. posts API, deep page", target: "baseline", options: { url: `${baselineUrl}${postsPath}?cursor=${deepCursor}` } },
        ] as const)
      : []),
    { number: 3, name: "3. thread list (HTML)", target: "app", options: { url: `${appUrl}/` } },
    {
      number: 4, name: "4. vote", target: "app",
      options: { url: appUrl, requests: [{ method: "PUT", setupRequest: (request) => {
        const v = nextVoter();
        return { ...request, path: `/api/posts/${v.postId}/vote`, headers: { ...json, cookie: cookies[v.user] }, body: JSON.stringify({ value: v.value }) };
      } }] },
    },
    {
      number: 4, name: "4. vote", target: "baseline",
      options: { url: baselineUrl, requests: [{ method: "PUT", setupRequest: (request) => {
        const v = nextVoter();
        return { ...request, path: `/posts/${v.postId}/vote`, headers: { "content-type": "application/json", "x-user-id": String(users[v.user]) }, body: JSON.stringify({ value: v.value }) };
      } }] },
    },
    {
      number: 5, name: "5. new post", target: "app",
      options: { url: appUrl, requests: [{ method: "POST", setupRequest: (request) => {
        turn += 1;
        return { ...request, path: `/api/threads/${largest.id}/posts`, headers: { ...json, cookie: cookies[turn % cookies.length] }, body: JSON.stringify({ body: `Avis de charge ${turn}` }) };
      } }] },
    },
    // Issue 14: the question's synthesis, within the thread page's budget.
    { number: 6, name: "6. synthesis page (HTML)", target: "app", options: { url: `${appUrl}/t/${largest.slug}/synthese` } },
  ];
}
