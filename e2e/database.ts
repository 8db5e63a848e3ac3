// Direct access to the e2e server's database, for set-ups no page offers (many posts at once, a
// locked thread). It is the database playwright.config.ts starts.
import type pg from "pg";
import { withClient } from "../scripts/db/admin";
import { runningDatabaseUrl } from "../scripts/db/embedded-postgres";

export const E2E_DATA_DIR = ".data/e2e";

export function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.TEST_DATABASE_URL || runningDatabaseUrl(E2E_DATA_DIR);
  if (!url) throw new Error("The e2e database is not running.");
  return withClient(url, work);
}
