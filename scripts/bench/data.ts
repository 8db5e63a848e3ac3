// `npm run bench:data -- --scale N [--database NAME]`: (re)creates a benchmark database (default
// agora_bench) and fills it. Never the dev database: BENCH_DATABASE_URL (a local server) or an
// embedded server under .data/bench.
import { z } from "zod";
import { startEmbeddedDatabase } from "../db/embedded-postgres";
import { BENCH_DATABASE, BENCH_DATA_DIR, benchServerUrl } from "./config";
import { sizesAt } from "./generate-data";
import { loadBenchData } from "./load-data";

const args = z.object({
  scale: z.coerce.number().positive().max(10).default(1),
  database: z.string().regex(/^[a-z_][a-z0-9_]*$/, "a lower-case PostgreSQL name").default(BENCH_DATABASE),
});

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return args.parse({ scale: value("--scale"), database: value("--database") });
}

async function main() {
  const { scale, database } = parseArgs(process.argv.slice(2));
  const given = benchServerUrl();
  const server = given ? { url: given, stop: async () => {} } : await startEmbeddedDatabase(BENCH_DATA_DIR, database);
  try {
    console.log(`Benchmark data at scale ${scale}:`, sizesAt(scale));
    const started = Date.now();
    const check = await loadBenchData(server.url, scale);
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
