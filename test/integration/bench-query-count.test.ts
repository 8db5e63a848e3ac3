// The bench's SQL-per-request figure is exact: a server that runs exactly two statements per
// request, with a pause between them, reads 2 — even right after a concurrent run whose requests
// are still in flight when it ends (they inflated the old count, divided by the requests done).
import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "@/scripts/db/embedded-postgres";
import { queryCounter, statementsPerRequest } from "@/scripts/bench/query-counter";

const dataDir = path.resolve(`.data/test-query-count-${process.pid}`);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("statementsPerRequest", () => {
  it("counts the statements of each request exactly, whatever ran just before", { timeout: 120_000 }, async () => {
    const database = await startEmbeddedDatabase(dataDir, "counted", { shared_preload_libraries: "pg_stat_statements" });
    const pool = new pg.Pool({ connectionString: database.url, max: 20 });
    // Stopping the server below ends the pool's connections from its side: expected, not a failure.
    pool.on("error", () => {});
    const server = http.createServer(async (_request, response) => {
      await pool.query("SELECT 1");
      await new Promise((resolve) => setTimeout(resolve, 20));
      await pool.query("SELECT 2");
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
    const counter = (await queryCounter(database.url))!;
    try {
      // A timed run with many connections, as the bench's measured runs: it ends with requests in flight.
      await autocannon({ url, connections: 20, duration: 1 });
      expect(await statementsPerRequest({ url }, counter)).toBe(2);
    } finally {
      await counter.close();
      // Every handler done (autocannon's last requests included) before the pool goes.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
      await database.stop();
    }
  });
});
