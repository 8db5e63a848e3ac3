// `npm run bench`: the production server (`next start`) on the benchmark database, driven over
// loopback by autocannon, side by side with the raw-pg baseline for scenarios 2 and 4. Prints a
// table (requests/s, p50, p99, errors, ratios to the baseline) and the server's peak RSS, and
// writes it to .data/bench/results.json. Run `npm run bench:data -- --scale N` first.
//   npm run bench -- [--duration 10] [--connections 1,10,50] [--no-build]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { encodeCursor } from "../../lib/schemas/pagination";
import { withClient } from "../db/admin";
import { startEmbeddedDatabase } from "../db/embedded-postgres";
import { BENCH_DATABASE, BENCH_DATA_DIR } from "./config";

const APP_PORT = 3200;
const BASELINE_PORT = 3201;
const SECRET = "agora-bench-secret";
const SIGNED_IN_USERS = 500;

type Options = { duration: number; connections: number[]; build: boolean };

function options(argv: string[]): Options {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return {
    duration: Number(value("--duration") ?? 10),
    connections: (value("--connections") ?? "1,10,50").split(",").map(Number),
    build: !argv.includes("--no-build"),
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

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
}

/** Peak resident memory (VmHWM) of a process, in MB. */
function peakRssMb(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmHWM:\s+(\d+) kB/)![1]) / 1024;
}

type Result = { scenario: string; target: "app" | "baseline"; connections: number; rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(scenario: string, target: Result["target"], connections: number, duration: number, opts: autocannon.Options): Promise<Result> {
  // A short warm-up, not measured.
  await autocannon({ ...opts, connections, duration: 2 });
  const result = await autocannon({ ...opts, connections, duration });
  return {
    scenario,
    target,
    connections,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main() {
  const opts = options(process.argv.slice(2));
  const database = await startEmbeddedDatabase(BENCH_DATA_DIR, BENCH_DATABASE);
  const children: ChildProcess[] = [];
  try {
    const setup = await withClient(database.url, async (client) => {
      const largest = (await client.query("SELECT id, slug, post_count FROM threads ORDER BY post_count DESC LIMIT 1")).rows[0];
      if (!largest || largest.post_count === 0) throw new Error("No benchmark data: run `npm run bench:data -- --scale 1` first.");
      const deep = (await client.query(
        "SELECT best_rank, id FROM posts WHERE thread_id = $1 AND parent_id IS NULL ORDER BY best_rank DESC, id DESC OFFSET 1000 LIMIT 1",
        [largest.id],
      )).rows[0];
      const users = (await client.query("SELECT id FROM users WHERE email LIKE 'bench%' ORDER BY id LIMIT $1", [SIGNED_IN_USERS])).rows.map((row) => row.id as number);
      const posts = (await client.query("SELECT id, author_id FROM posts WHERE thread_id = $1 ORDER BY random() LIMIT 5000", [largest.id])).rows;
      return { largest, deepCursor: deep ? encodeCursor({ s: "best", v: deep.best_rank, id: deep.id }) : null, users, posts };
    });
    const cookies = await Promise.all(setup.users.map(async (uid) => `next-auth.session-token=${await encode({ token: { uid, sv: 0 }, secret: SECRET })}`));

    if (opts.build && spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) throw new Error("build failed");
    const app = start(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(APP_PORT)], {
      DATABASE_URL: database.url,
      AUTH_SECRET: SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
      RATE_LIMITS: "off",
      NODE_ENV: "production",
    });
    const baseline = start(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/baseline-server.ts"], {
      DATABASE_URL: database.url,
      PORT: String(BASELINE_PORT),
    });
    children.push(app, baseline);
    await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`);
    await waitFor(`http://127.0.0.1:${BASELINE_PORT}/threads/${setup.largest.id}/posts`);

    const appUrl = `http://127.0.0.1:${APP_PORT}`;
    const baselineUrl = `http://127.0.0.1:${BASELINE_PORT}`;
    const origin = { origin: appUrl, "content-type": "application/json" };
    let turn = 0;
    const nextVoter = () => {
      turn += 1;
      const user = turn % setup.users.length;
      const post = setup.posts[(turn * 7919) % setup.posts.length];
      const voter = post.author_id === setup.users[user] ? (user + 1) % setup.users.length : user;
      // Half the votes withdraw: the value alternates between +1 and 0 per request.
      return { user: voter, postId: post.id, value: turn % 2 };
    };
    const results: Result[] = [];
    for (const connections of opts.connections) {
      const run = (scenario: string, target: Result["target"], o: autocannon.Options) => load(scenario, target, connections, opts.duration, o).then((r) => results.push(r));
      await run("1. thread page (HTML)", "app", { url: `${appUrl}/t/${setup.largest.slug}` });
      await run("2. posts API, first page", "app", { url: `${appUrl}/api/threads/${setup.largest.id}/posts?sort=best` });
      await run("2. posts API, first page", "baseline", { url: `${baselineUrl}/threads/${setup.largest.id}/posts` });
      if (setup.deepCursor) {
        await run("2. posts API, deep page", "app", { url: `${appUrl}/api/threads/${setup.largest.id}/posts?sort=best&cursor=${setup.deepCursor}` });
        await run("2. posts API, deep page", "baseline", { url: `${baselineUrl}/threads/${setup.largest.id}/posts?cursor=${setup.deepCursor}` });
      }
      await run("3. thread list (HTML)", "app", { url: `${appUrl}/` });
      await run("4. vote", "app", {
        url: appUrl,
        requests: [{ method: "PUT", setupRequest: (request) => {
          const v = nextVoter();
          return { ...request, path: `/api/posts/${v.postId}/vote`, headers: { ...origin, cookie: cookies[v.user] }, body: JSON.stringify({ value: v.value }) };
        } }],
      });
      await run("4. vote", "baseline", {
        url: baselineUrl,
        requests: [{ method: "PUT", setupRequest: (request) => {
          const v = nextVoter();
          return { ...request, path: `/posts/${v.postId}/vote`, headers: { "content-type": "application/json", "x-user-id": String(setup.users[v.user]) }, body: JSON.stringify({ value: v.value }) };
        } }],
      });
      await run("5. new post", "app", {
        url: appUrl,
        requests: [{ method: "POST", setupRequest: (request) => {
          turn += 1;
          return { ...request, path: `/api/threads/${setup.largest.id}/posts`, headers: { ...origin, cookie: cookies[turn % cookies.length] }, body: JSON.stringify({ body: `Avis de charge ${turn}` }) };
        } }],
      });
    }
    const peakRss = peakRssMb(app.pid!);
    const check = await withClient(database.url, async (client) => (await client.query(`
      SELECT count(*)::int AS off FROM posts p
      LEFT JOIN (SELECT post_id, count(*) FILTER (WHERE value = 1) AS up, count(*) FILTER (WHERE value = -1) AS down FROM post_votes GROUP BY post_id) v ON v.post_id = p.id
      WHERE p.upvotes <> coalesce(v.up, 0) OR p.downvotes <> coalesce(v.down, 0)`)).rows[0].off as number);

    console.log("\nscenario | target | connections | req/s | p50 ms | p99 ms | errors | non-2xx | app/baseline req/s");
    for (const r of results) {
      const base = results.find((b) => b.target === "baseline" && b.scenario === r.scenario && b.connections === r.connections);
      const ratio = r.target === "app" && base ? (r.rps / base.rps).toFixed(2) : "";
      console.log(`${r.scenario} | ${r.target} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${ratio}`);
    }
    console.log(`\nPeak RSS of the app server: ${peakRss.toFixed(0)} MB. Vote counters off after the run: ${check}.`);
    fs.writeFileSync(path.join(BENCH_DATA_DIR, "results.json"), JSON.stringify({ options: opts, results, peakRss, countersOff: check }, null, 2));
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
