// Creating and dropping whole databases on a server: for tests and for resetting the e2e
// database. Both refuse any server but this machine's, so they can never wipe a real forum.
import pg from "pg";

export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "[::1]", "::1"].includes(host)) {
    throw new Error(`Refusing to create or drop databases on a non-local server (${host}).`);
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(serverUrl: string, name: string, template?: string) {
  assertLocalDatabase(serverUrl);
  await withClient(serverUrl, (client) =>
    client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)}${template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ""}`,
    ),
  );
}

export async function dropDatabase(serverUrl: string, name: string) {
  assertLocalDatabase(serverUrl);
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

/** Drops and recreates the database of `url`, empty. */
export async function resetDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = databaseUrl(url, "postgres");
  await dropDatabase(maintenance, name);
  await createDatabase(maintenance, name);
}
