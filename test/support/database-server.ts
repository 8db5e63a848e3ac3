// The PostgreSQL server the tests use: TEST_DATABASE_URL or DATABASE_URL when set (the tests
// only create and drop databases of their own there), else an embedded server in .data/test.
import { assertLocalDatabase, createDatabase, databaseUrl, dropDatabase, withClient } from "../../scripts/db/admin";
import { startEmbeddedDatabase } from "../../scripts/db/embedded-postgres";
import { migrateDatabase } from "../../scripts/db/migrate";

const TEST_DATA_DIR = ".data/test";
export const TEMPLATE_DATABASE = "agora_test_template";
const TEST_DATABASE_PREFIX = "agora_test_";

/** Starts (or reaches) the server and builds a migrated template database for the test files. */
export async function startTestDatabaseServer() {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (given) assertLocalDatabase(given);
  const server = given ? { url: given, stop: async () => {} } : await startEmbeddedDatabase(TEST_DATA_DIR, "postgres");

  // Databases left behind by an interrupted run.
  const leftovers = await withClient(server.url, (client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${TEST_DATABASE_PREFIX}%`]),
  );
  for (const { datname } of leftovers.rows) await dropDatabase(server.url, datname);

  await createDatabase(server.url, TEMPLATE_DATABASE);
  await migrateDatabase(databaseUrl(server.url, TEMPLATE_DATABASE));
  return {
    serverUrl: server.url,
    stop: async () => {
      await dropDatabase(server.url, TEMPLATE_DATABASE);
      await server.stop();
    },
  };
}

export function newTestDatabaseName() {
  return `${TEST_DATABASE_PREFIX}${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}
