// (Re)creates a benchmark database and fills it at a scale: migrated, seeded with the article's
// questions, then the generated forum. Used by `npm run bench:data` and by the bench's scale check.
import { hash } from "@node-rs/argon2";
import { createPrismaClient } from "../../lib/prisma-client";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { assertLocalDatabase, resetDatabase, withClient } from "../db/admin";
import { migrateDatabase } from "../db/migrate";
import { BENCH_PASSWORD } from "./config";
import { checkCounters, generateData } from "./generate-data";

/** Loads the data set and returns the counter check (zero rows off when exact). */
export async function loadBenchData(url: string, scale: number) {
  assertLocalDatabase(url);
  await resetDatabase(url);
  await migrateDatabase(url);
  const db = createPrismaClient(url);
  await seedDatabase(db);
  await db.$disconnect();
  const passwordHash = await hash(BENCH_PASSWORD);
  await withClient(url, (client) => generateData(client, scale, passwordHash));
  return withClient(url, checkCounters);
}
