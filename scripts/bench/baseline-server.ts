// The benchmark's baseline: the same SQL work as the app for its health check (the framework's
// floor), its read API (scenario 2) and its vote (scenario 4), behind a bare Node `http` server using `pg` directly — no framework, no ORM,
// no session cookie (the caller's id comes in a header; the user row is still read, as the app
// reads it to check the session). Run with --conditions=react-server.
import http from "node:http";
import pg from "pg";
import { conversationsPageQuery } from "../../lib/posts";
import { POST_PAGE_SIZE, postCursorKey } from "../../lib/schemas/post";
import { voteQueries } from "../../lib/votes";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function decode(cursor: string | null) {
  if (!cursor) return undefined;
  return postCursorKey.parse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
}

async function listPosts(threadId: number, cursor: string | null) {
  const { rows: threads } = await pool.query("SELECT id, is_locked, hidden_at, author_id FROM threads WHERE id = $1", [threadId]);
  if (!threads[0] || threads[0].hidden_at) return null;
  const conversations = conversationsPageQuery(threadId, { sort: "best", cursor: decode(cursor) }, POST_PAGE_SIZE + 1);
  const { rows } = await pool.query(conversations.text, conversations.values);
  const roots = rows.filter((row) => !row.isReply);
  const page = roots.slice(0, POST_PAGE_SIZE);
  const shown = new Set(page.map((row) => row.id));
  return { items: [...page, ...rows.filter((row) => row.isReply && shown.has(row.rootId))], nextCursor: roots.length > POST_PAGE_SIZE };
}

async function vote(userId: number, postId: number, value: -1 | 0 | 1) {
  await pool.query("SELECT id, name, role, session_version, suspended_at, suspended_until, suspension_reason FROM users WHERE id = $1", [userId]);
  const { write, state } = voteQueries("post", userId, postId, value);
  await pool.query(write.text, write.values);
  const { rows } = await pool.query(state.text, state.values);
  const { upvotes: up, downvotes: down, myVote } = rows[0];
  return { up, down, score: up - down, myVote: myVote ?? 0 };
}

const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url!, "http://baseline");
    const posts = url.pathname.match(/^\/threads\/(\d+)\/posts$/);
    const votes = url.pathname.match(/^\/posts\/(\d+)\/vote$/);
    let body: unknown;
    if (url.pathname === "/health") {
      await pool.query("SELECT 1");
      body = { status: "ok", db: "ok" };
    } else if (posts && request.method === "GET") body = await listPosts(Number(posts[1]), url.searchParams.get("cursor"));
    else if (votes && request.method === "PUT") {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const { value } = JSON.parse(Buffer.concat(chunks).toString());
      body = await vote(Number(request.headers["x-user-id"]), Number(votes[1]), value);
    } else {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});

server.listen(Number(process.env.PORT ?? 3201), "127.0.0.1", () => console.log("baseline ready"));
