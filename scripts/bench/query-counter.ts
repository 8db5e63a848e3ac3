// SQL statements run against one database, from pg_stat_statements (shipped with the embedded
// binaries; the bench starts its server with the library preloaded). BEGIN and COMMIT count:
// each statement is a round trip.
import pg from "pg";

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
