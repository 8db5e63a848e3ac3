// `npm run audit`: Lighthouse (mobile preset) and axe on the home page, the article and a thread
// of 120 contributions, on the production build and a database of its own; then the JavaScript a
// signed-out reader downloads for that thread. Prints the tables and exits non-zero when a page
// misses the targets of issue 12: 95 in each Lighthouse category, 98 in accessibility, no axe
// violation. Each page's score is the median of its runs (Lighthouse moves by a few points from
// one run to the next on a shared machine). Results also go to .data/audit/results.json, and the
// Lighthouse report of each page's median run to .data/audit/<page>.html.
//   npm run audit -- [--runs 3] [--build] [--javascript-only]
//   --build: rebuild even when .next is up to date; --javascript-only: the script list alone, in a minute
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../../e2e/chromium";
import { runAxe, type AxeViolation } from "./axe";
import { type Chunk, listJavascript } from "./javascript-bytes";
import { CATEGORIES, type Category, type Finding, runLighthouse, type Scores } from "./lighthouse";
import { startProductionSite } from "./production-site";

const TARGETS: Record<Category, number> = { performance: 95, accessibility: 98, "best-practices": 95, seo: 95 };
const RESULTS_DIR = ".data/audit";

type PageResult = { name: string; path: string; runs: Scores[]; scores: Scores; benchmarkIndex: number[]; findings: Finding[]; axe: AxeViolation[] };

function option(argv: string[], flag: string) {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function auditPage(name: string, url: string, runs: number, axe: (url: string) => Promise<AxeViolation[]>): Promise<Omit<PageResult, "path">> {
  const results: Awaited<ReturnType<typeof runLighthouse>>[] = [];
  for (let run = 1; run <= runs; run += 1) {
    console.log(`Lighthouse ${run}/${runs}: ${name}…`);
    results.push(await runLighthouse(url));
  }
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, median(results.map((result) => result.scores[category]))])) as Scores;
  // The findings of the run closest to the median performance score.
  const typical = results.toSorted((a, b) => Math.abs(a.scores.performance - scores.performance) - Math.abs(b.scores.performance - scores.performance))[0];
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.html`), typical.report);
  return { name, runs: results.map((result) => result.scores), scores, benchmarkIndex: results.map((result) => result.benchmarkIndex), findings: typical.findings, axe: await axe(url) };
}

function printReport(pages: PageResult[]) {
  console.log("\npage | performance | accessibility | best practices | SEO | axe violations (light / dark)");
  console.log("--- | --- | --- | --- | --- | ---");
  for (const page of pages) {
    const cells = CATEGORIES.map((category) => `${page.scores[category]}${page.scores[category] < TARGETS[category] ? " ✗" : ""}`);
    const count = (scheme: string) => page.axe.filter((violation) => violation.colorScheme === scheme).length;
    console.log([`${page.name} (${page.path})`, ...cells, `${count("light")} / ${count("dark")}`].join(" | "));
  }
  console.log(`\nTargets: ${CATEGORIES.map((category) => `${category} ≥ ${TARGETS[category]}`).join(", ")}; no axe violation.`);
  // Each run's performance score beside the machine's speed at that moment: on a busy machine they move together.
  const runs = (page: PageResult) => page.runs.map((run, index) => `${run.performance}@${Math.round(page.benchmarkIndex[index])}`).join(" ");
  console.log(`Performance of each run @ Lighthouse's benchmark index: ${pages.map((page) => `${page.name} ${runs(page)}`).join("; ")}.`);
  for (const page of pages) {
    if (page.findings.length === 0 && page.axe.length === 0) continue;
    console.log(`\n${page.name}: what cost points`);
    for (const finding of page.findings) console.log(`  lighthouse ${finding.category} · ${finding.id} (${finding.score}) ${finding.title}${finding.items.length ? `: ${finding.items.join(" | ")}` : ""}`);
    for (const violation of page.axe) console.log(`  axe ${violation.colorScheme} · ${violation.id} (${violation.impact}): ${violation.targets.join(" | ")}`);
  }
}

/** The one-minute load average against the cores: above them, other work takes CPU from the page under test. */
function warnWhenBusy() {
  const load = os.loadavg()[0];
  const cores = os.availableParallelism();
  if (load > cores) console.warn(`The machine is busy (load ${load.toFixed(1)} on ${cores} cores): performance scores will be lower than on an idle machine.`);
  return load;
}

function printJavascript(path: string, chunks: Chunk[]) {
  const sent = chunks.reduce((sum, chunk) => sum + chunk.sentBytes, 0);
  const raw = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  console.log(`\nJavaScript for a signed-out reader of ${path}: ${chunks.length} scripts, ${kilobytes(sent)} as sent (${kilobytes(raw)} uncompressed)`);
  for (const chunk of chunks) console.log(`  ${kilobytes(chunk.sentBytes).padStart(9)} ${chunk.encoding.padEnd(8)} ${kilobytes(chunk.bytes).padStart(9)}  ${chunk.path}`);
  return { sentBytes: sent, bytes: raw, chunks };
}

async function main() {
  const argv = process.argv.slice(2);
  const loadAtStart = warnWhenBusy();
  const runs = Number(option(argv, "--runs") ?? 3);
  const site = await startProductionSite({ forceBuild: argv.includes("--build") });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const chunks = await listJavascript(browser, site.origin + site.longThreadPath);
    if (argv.includes("--javascript-only")) return void printJavascript(site.longThreadPath, chunks);
    const targets = [
      { name: "home", path: "/" },
      { name: "article", path: "/article" },
      { name: "thread", path: site.longThreadPath },
    ];
    const pages: PageResult[] = [];
    for (const target of targets) {
      pages.push({ path: target.path, ...(await auditPage(target.name, site.origin + target.path, runs, (url) => runAxe(browser, url))) });
    }
    printReport(pages);
    const javascript = printJavascript(site.longThreadPath, chunks);

    const load = { atStart: loadAtStart, atEnd: warnWhenBusy() };
    fs.writeFileSync(path.join(RESULTS_DIR, "results.json"), JSON.stringify({ date: new Date().toISOString(), runs, load, pages, javascript }, null, 2));
    const isMet = pages.every((page) => page.axe.length === 0 && CATEGORIES.every((category) => page.scores[category] >= TARGETS[category]));
    console.log(isMet ? "\nEvery page meets the targets." : "\nSome pages miss the targets (✗ above): see what cost points.");
    process.exitCode = isMet ? 0 : 1;
  } finally {
    await browser.close();
    await site.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
