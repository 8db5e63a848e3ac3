// SQL statements run against one database, from pg_stat_statements (shipped with the embedded
// binaries; the bench starts its server with the library preloaded). BEGIN and COMMIT count:
// each statement is a round trip.
import autocannon from "autocannon";
import pg from "pg";

/** Requests sent one after another for the count: a fixed number, none in flight when it is read. */
export const COUNTED_REQUESTS = 20;
/** The count has settled when it has not moved for this long (requests of a timed run finishing). */
const SETTLED_MS = 200;

export type QueryCounter = { reset(): Promise<void>; statements(): Promise<number>; close(): Promise<void> };

/** A counter for the database of `url`, or null (with a warning) when the server lacks the extension. */
export async function queryCounter(url: string): Promise<QueryCounter | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query("SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%' AS loaded");
  if (!rows[0].loaded) {
    console.warn("pg_stat_statements is not loaded (the benchmark server was already running): SQL per request is not counted.");
    await client.end();
    return null;
  }
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  return {
    reset: async () => {
      await client.query("SELECT pg_stat_statements_reset()");
    },
    statements: async () => {
      const { rows: sums } = await client.query(`
        SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'`);
      return sums[0].calls as number;
    },
    close: () => client.end(),
  };
}

/**
 * SQL statements per request of a scenario, exactly. Counted over a timed run, requests still in
 * flight at its end inflate the count (3.5 measured against 3.2 on a loaded machine); here, once
 * the stragglers of any earlier run are done, COUNTED_REQUESTS requests go one after the other,
 * each answered before the next is sent, and the count is divided by that fixed number.
 */
export async function statementsPerRequest(options: autocannon.Options, counter: QueryCounter): Promise<number> {
  for (let last = -1, now = await counter.statements(); now !== last; last = now, now = await counter.statements()) {
    await new Promise((resolve) => setTimeout(resolve, SETTLED_MS));
  }
  await counter.reset();
  const run = await autocannon({ ...options, connections: 1, pipelining: 1, amount: COUNTED_REQUESTS });
  const answered = run.requests.total - run.errors - run.timeouts - run.non2xx;
  if (answered !== COUNTED_REQUESTS) {
    throw new Error(`${options.url}: ${answered} of the ${COUNTED_REQUESTS} counted requests succeeded; the SQL count would be meaningless.`);
  }
  return Number(((await counter.statements()) / COUNTED_REQUESTS).toFixed(2));
}
