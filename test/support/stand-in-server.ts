// A stand-in for `next start` in the launcher's tests: a long-running HTTP server on PORT that
// answers its own pid and when the database server started (so a test sees whether a restart
// kept PostgreSQL up).
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

http
  .createServer(async (_request, response) => {
    try {
      const { rows } = await pool.query("SELECT pg_postmaster_start_time()::text AS started");
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ pid: process.pid, databaseStartedAt: rows[0].started }));
    } catch (error) {
      response.writeHead(503);
      response.end(String(error));
    }
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
