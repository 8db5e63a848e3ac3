// The benchmark's scripts, run small so that they cannot rot: `npm run bench:data` at scale
// 0.001, then `npm run bench` on the build the journeys used, one second per scenario, with its
// raw-pg baseline, its SQL counts and its scale check. On a data folder of its own: a developer's
// benchmark database is never touched.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const DATA_DIR = ".data/e2e-bench";

type Result = { scenario: string; target: "app" | "baseline"; rps: number; errors: number; non2xx: number; queries: number | null };
type Report = { results: Result[]; countersOff: number; memory: { peak: number }; scale: { scenario: string; p50Ratio: number | null }[] };

function npmRun(args: string[]) {
  // Without the test runner's own NODE_OPTIONS (its loaders), as a shell would run it.
  const run = spawnSync("npm", ["run", ...args], { env: { ...process.env, BENCH_DATA_DIR: DATA_DIR, NODE_OPTIONS: "" }, encoding: "utf8" });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
}

test("npm run bench drives every scenario against the app and the baseline, without an error", async () => {
  test.setTimeout(300_000);
  npmRun(["bench:data", "--", "--scale", "0.001"]);
  npmRun(["bench", "--", "--no-build", "--duration", "1", "--warm-up", "1", "--connections", "2"]);
  const report: Report = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "results.json"), "utf8"));

  const names = (target: Result["target"]) => report.results.filter((r) => r.target === target).map((r) => r.scenario);
  expect(names("app")).toEqual([
    "0. floor: GET /api/health (SELECT 1)",
    "1. thread page (HTML)",
    "2. posts API, first page",
    "2. posts API, deep page",
    "3. thread list (HTML)",
    "4. vote",
    "5. new post",
    "6. synthesis page (HTML)",
  ]);
  expect(names("baseline")).toEqual(["0. floor: GET /api/health (SELECT 1)", "2. posts API, first page", "2. posts API, deep page", "4. vote"]);
  for (const result of report.results) {
    expect(result, result.scenario).toMatchObject({ errors: 0, non2xx: 0 });
    expect(result.rps, result.scenario).toBeGreaterThan(0);
  }
  // Statements per request, counted by pg_stat_statements: the bound for the reads.
  const queries = (scenario: string) => report.results.find((r) => r.target === "app" && r.scenario === scenario)!.queries!;
  expect(queries("1. thread page (HTML)")).toBeLessThanOrEqual(3.2);
  expect(queries("2. posts API, first page")).toBeLessThanOrEqual(3.2);
  expect(queries("3. thread list (HTML)")).toBeLessThanOrEqual(3.2);
  // The synthesis: the question, its figures and its highlights, as the thread page (issue 14).
  expect(queries("6. synthesis page (HTML)")).toBeLessThanOrEqual(3.2);
  expect(queries("4. vote")).toBeGreaterThanOrEqual(2.8);
  expect(report.countersOff).toBe(0);
  expect(report.memory.peak).toBeGreaterThan(0);
  expect(report.scale.map((row) => row.scenario)).toEqual(names("app"));
});
