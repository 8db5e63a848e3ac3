// `npm run bench`: the production server (`next start`) on the benchmark database, driven over
// loopback by autocannon, side by side with the raw-pg baseline for scenarios 2 and 4. For every
// scenario and concurrency: requests/s, p50, p99, errors, SQL statements per request (from
// pg_stat_statements) and the ratio to the baseline. Then the scale check: the app's scenarios on
// a scale-0.01 copy of the forum against the big one (the target is on the reads, 1 to 3). Prints tables, writes
// .data/bench/results.json. Run `npm run bench:data -- --scale 1` first.
//   npm run bench -- [--duration 10] [--connections 1,10,50] [--only 2,4] [--no-build] [--no-scale-check]
//                    [--warm-up 2] [--rate-limits]  (on, as in production; off by default: 500 members posting
//                    flat out exceed one post per 10 s each)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { productionNodeOptions } from "../app-env";
import { startEmbeddedDatabase } from "../db/embedded-postgres";
import { migrateDatabase } from "../db/migrate";
import { BENCH_DATABASE, BENCH_DATA_DIR, benchServerUrl } from "./config";
import { loadBenchData } from "./load-data";
import { queryCounter, type QueryCounter, statementsPerRequest } from "./query-counter";
import { prepare, scenarios, type Scenario } from "./scenarios";

const APP_PORT = 3200;
const BASELINE_PORT = 3201;
const SMALL_APP_PORT = 3202;
const SECRET = "agora-bench-secret";
const SMALL_DATABASE = "agora_bench_small";
const SMALL_SCALE = 0.01;
const SCALE_CHECK_CONNECTIONS = 10;

type Options = {
  duration: number;
  warmUp: number;
  connections: number[];
  only: number[] | null;
  build: boolean;
  scaleCheck: boolean;
  rateLimits: boolean;
};

function options(argv: string[]): Options {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const numbers = (list: string) => list.split(",").map(Number);
  return {
    duration: Number(value("--duration") ?? 10),
    warmUp: Number(value("--warm-up") ?? 2),
    connections: numbers(value("--connections") ?? "1,10,50"),
    only: value("--only") ? numbers(value("--only")!) : null,
    build: !argv.includes("--no-build"),
    scaleCheck: !argv.includes("--no-scale-check"),
    rateLimits: argv.includes("--rate-limits"),
  };
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
}

/** `next start` as `npm start` runs it in production, on a given database. */
async function startApp(databaseUrl: string, port: number, rateLimits: boolean) {
  const app = start([path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    RATE_LIMITS: rateLimits ? "on" : "off",
    NODE_ENV: "production",
    NODE_OPTIONS: productionNodeOptions(process.env.NODE_OPTIONS),
  });
  await waitFor(`http://127.0.0.1:${port}/api/health`);
  return app;
}

/** Resident memory of a process, in MB: now (VmRSS) and at its peak (VmHWM). */
function memoryMb(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))![1]) / 1024;
  return { rss: Math.round(field("VmRSS")), peak: Math.round(field("VmHWM")) };
}

type Result = {
  scenario: string;
  target: Scenario["target"];
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** SQL statements the server ran per request (BEGIN and COMMIT included), when counted: exact, over sequential requests. */
  queries: number | null;
};

async function measure(scenario: Scenario, connections: number, { duration, warmUp }: Options, counter: QueryCounter | null): Promise<Result> {
  await autocannon({ ...scenario.options, connections, duration: warmUp });
  const result = await autocannon({ ...scenario.options, connections, duration });
  const queries = counter ? await statementsPerRequest(scenario.options, counter) : null;
  return {
    scenario: scenario.name,
    target: scenario.target,
    connections,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    queries,
  };
}

function printResults(results: Result[]) {
  console.log("\nscenario | target | connections | req/s | p50 ms | p99 ms | errors | non-2xx | SQL/request | app/baseline req/s | p50 | p99");
  for (const r of results) {
    const base = r.target === "app" && results.find((b) => b.target === "baseline" && b.scenario === r.scenario && b.connections === r.connections);
    // autocannon reports whole milliseconds: a baseline at 0 ms has no meaningful ratio.
    const ratio = (app: number, baseline: number) => (baseline > 0 ? (app / baseline).toFixed(2) : "—");
    const ratios = base ? [ratio(r.rps, base.rps), ratio(r.p50, base.p50), ratio(r.p99, base.p99)] : ["", "", ""];
    console.log([r.scenario, r.target, r.connections, r.rps, r.p50, r.p99, r.errors, r.non2xx, r.queries ?? "n/a", ...ratios].join(" | "));
  }
}

async function main() {
  const opts = options(process.argv.slice(2));
  const given = benchServerUrl();
  const server = given
    ? { url: given, stop: async () => {} }
    : await startEmbeddedDatabase(BENCH_DATA_DIR, BENCH_DATABASE, { shared_preload_libraries: "pg_stat_statements" });
  const children: ChildProcess[] = [];
  const counter = await queryCounter(server.url);
  try {
    // The data may predate a migration of the code under test (a new trigger, an index).
    await migrateDatabase(server.url);
    const setup = await prepare(server.url, SECRET);
    if (opts.build && spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) throw new Error("build failed");
    const app = await startApp(server.url, APP_PORT, opts.rateLimits);
    children.push(app);
    const baseline = start(["--conditions=react-server", "--import", "tsx", "scripts/bench/baseline-server.ts"], {
      DATABASE_URL: server.url,
      PORT: String(BASELINE_PORT),
    });
    children.push(baseline);
    await waitFor(`http://127.0.0.1:${BASELINE_PORT}/threads/${setup.largest.id}/posts`);
    const idle = memoryMb(app.pid!);

    const all = scenarios(setup, `http://127.0.0.1:${APP_PORT}`, `http://127.0.0.1:${BASELINE_PORT}`);
    const chosen = all.filter((scenario) => !opts.only || opts.only.includes(scenario.number));
    const results: Result[] = [];
    for (const connections of opts.connections) {
      for (const scenario of chosen) results.push(await measure(scenario, connections, opts, counter));
    }
    const memory = memoryMb(app.pid!);
    const countersOff = await setup.countersOff();
    printResults(results);
    console.log(`\nApp server memory: ${idle.rss} MB after start, ${memory.rss} MB after the run, peak ${memory.peak} MB. Vote counters off after the run: ${countersOff}.`);

    const scale = opts.scaleCheck ? await scaleCheck(server.url, setup, chosen, opts) : [];
    fs.writeFileSync(path.join(BENCH_DATA_DIR, "results.json"), JSON.stringify({ options: opts, results, memory: { idle, ...memory }, countersOff, scale }, null, 2));
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await counter?.close();
    await server.stop();
  }
}

/**
 * The app's scenarios on a forum a hundred times smaller (loaded afresh, on its own app server),
 * each right before the same scenario on the big one: a page must not get slower as tables grow.
 */
async function scaleCheck(bigUrl: string, big: Awaited<ReturnType<typeof prepare>>, chosen: Scenario[], opts: Options) {
  const smallUrl = Object.assign(new URL(bigUrl), { pathname: `/${SMALL_DATABASE}` }).toString();
  console.log(`\nScale check: loading the scale-${SMALL_SCALE} forum into ${SMALL_DATABASE}…`);
  await loadBenchData(smallUrl, SMALL_SCALE);
  const small = await prepare(smallUrl, SECRET);
  const smallApp = await startApp(smallUrl, SMALL_APP_PORT, opts.rateLimits);
  try {
    const reads = (setup: typeof big, port: number) =>
      scenarios(setup, `http://127.0.0.1:${port}`, "").filter((s) => s.target === "app" && chosen.some((c) => c.name === s.name));
    const bigReads = reads(big, APP_PORT);
    const smallReads = reads(small, SMALL_APP_PORT);
    const rows = [];
    for (const scenario of bigReads) {
      const twin = smallReads.find((s) => s.name === scenario.name);
      if (!twin) continue;
      const atSmall = await measure(twin, SCALE_CHECK_CONNECTIONS, opts, null);
      const atBig = await measure(scenario, SCALE_CHECK_CONNECTIONS, opts, null);
      rows.push({ scenario: scenario.name, small: atSmall, big: atBig, p50Ratio: atSmall.p50 > 0 ? Number((atBig.p50 / atSmall.p50).toFixed(2)) : null });
    }
    console.log(`\nscenario | posts in the thread (0.01 / 1) | p50 ms at 0.01 | p50 ms at 1 | ratio 1 / 0.01 (target ≤ 1.5 for reads)`);
    for (const row of rows) console.log(`${row.scenario} | ${small.largest.post_count} / ${big.largest.post_count} | ${row.small.p50} | ${row.big.p50} | ${row.p50Ratio}`);
    return rows;
  } finally {
    smallApp.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
