// `npm run bench:data -- --scale N`: (re)creates the benchmark database and fills it. Never the
// dev database: BENCH_DATABASE_URL (a local server) or an embedded server under .data/bench.
import { hash } from "@node-rs/argon2";
import { z } from "zod";
import { createPrismaClient } from "../../lib/prisma-client";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { assertLocalDatabase, resetDatabase, withClient } from "../db/admin";
import { startEmbeddedDatabase } from "../db/embedded-postgres";
import { migrateDatabase } from "../db/migrate";
import { BENCH_DATABASE, BENCH_DATA_DIR, BENCH_PASSWORD } from "./config";
import { checkCounters, generateData, sizesAt } from "./generate-data";


const args = z.object({ scale: z.coerce.number().positive().max(10).default(1) });

function parseArgs(argv: string[]) {
  const index = argv.indexOf("--scale");
  return args.parse({ scale: index >= 0 ? argv[index + 1] : undefined });
}

async function main() {
  const { scale } = parseArgs(process.argv.slice(2));
  const server = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
    : await startEmbeddedDatabase(BENCH_DATA_DIR, BENCH_DATABASE);
  try {
    assertLocalDatabase(server.url);
    console.log(`Benchmark data at scale ${scale}:`, sizesAt(scale));
    const started = Date.now();
    await resetDatabase(server.url);
    await migrateDatabase(server.url);
    const db = createPrismaClient(server.url);
    await seedDatabase(db);
    await db.$disconnect();
    const passwordHash = await hash(BENCH_PASSWORD);
    await withClient(server.url, (client) => generateData(client, scale, passwordHash));
    const check = await withClient(server.url, checkCounters);
    console.log(`Loaded in ${((Date.now() - started) / 1000).toFixed(1)} s. Counters off: ${check.postsOff} posts, ${check.threadsOff} threads.`);
    if (check.postsOff + check.threadsOff > 0) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
