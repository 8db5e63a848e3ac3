// The benchmark's baseline: the same SQL work as the app for its read API (scenario 2) and its
// vote (scenario 4), behind a bare Node `http` server using `pg` directly — no framework, no ORM,
// no authentication (the caller's id comes in a header). Run with --conditions=react-server.
import http from "node:http";
import pg from "pg";
import { conversationStartsQuery, rootsQuery } from "../../lib/posts";
import { postCursorKey } from "../../lib/schemas/post";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function decode(cursor: string | null) {
  if (!cursor) return undefined;
  return postCursorKey.parse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
}

async function listPosts(threadId: number, cursor: string | null) {
  const roots = rootsQuery(threadId, { sort: "best", cursor: decode(cursor) }, 51);
  const { rows } = await pool.query(roots.text, roots.values);
  const page = rows.slice(0, 50);
  const replies = conversationStartsQuery(page.map((row) => row.id));
  const { rows: replyRows } = await pool.query(replies.text, replies.values);
  return { items: [...page, ...replyRows], nextCursor: rows.length > 50 };
}

async function vote(userId: number, postId: number, value: number) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query("SELECT author_id, upvotes, downvotes FROM posts WHERE id = $1 FOR UPDATE", [postId]);
    const previous = (await client.query("SELECT value FROM post_votes WHERE post_id = $1 AND user_id = $2", [postId, userId])).rows[0]?.value ?? 0;
    if (value === 0) await client.query("DELETE FROM post_votes WHERE post_id = $1 AND user_id = $2", [postId, userId]);
    else if (value !== previous) {
      await client.query(
        `INSERT INTO post_votes (post_id, user_id, value, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (post_id, user_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [postId, userId, value],
      );
    }
    const up = rows[0].upvotes + (value === 1 ? 1 : 0) - (previous === 1 ? 1 : 0);
    const down = rows[0].downvotes + (value === -1 ? 1 : 0) - (previous === -1 ? 1 : 0);
    if (value !== previous) await client.query("UPDATE posts SET upvotes = $2, downvotes = $3 WHERE id = $1", [postId, up, down]);
    await client.query("COMMIT");
    return { up, down, score: up - down, myVote: value };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url!, "http://baseline");
    const posts = url.pathname.match(/^\/threads\/(\d+)\/posts$/);
    const votes = url.pathname.match(/^\/posts\/(\d+)\/vote$/);
    let body: unknown;
    if (posts && request.method === "GET") body = await listPosts(Number(posts[1]), url.searchParams.get("cursor"));
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
