// Lighthouse 12 (12.2.3: 13 needs Node 22) on one page, in its default mobile preset (a
// simulated mid-range phone on a slow 4G link), in Debian's Chromium started afresh for each run.
import * as chromeLauncher from "chrome-launcher";
import type { Result } from "lighthouse";
import { CHROMIUM_ARGS, findChromium } from "../../e2e/chromium";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];
export type Scores = Record<Category, number>;
/** An audit that lost points: its id, title and score (0–1), to fix or to report. */
export type Finding = { category: Category; id: string; title: string; score: number; items: string[] };

const CHROME_FLAGS = ["--headless", ...CHROMIUM_ARGS];
const ITEMS_SHOWN = 3;

/** What an audit's details point at: the elements' selectors, or the resources' addresses. */
function itemsOf(audit: Result["audits"][string]): string[] {
  const details = audit.details as { items?: Array<Record<string, unknown>> } | undefined;
  return (details?.items ?? []).slice(0, ITEMS_SHOWN).map((item) => {
    const node = item.node as { selector?: string; snippet?: string } | undefined;
    const location = item.sourceLocation as { url?: string } | undefined;
    return String(node?.selector ?? node?.snippet ?? item.url ?? location?.url ?? item.source ?? JSON.stringify(item).slice(0, 120));
  });
}

function findingsOf(result: Result): Finding[] {
  return CATEGORIES.flatMap((category) =>
    result.categories[category].auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => result.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => ({ category, id: audit.id, title: audit.title, score: audit.score!, items: itemsOf(audit) })),
  );
}

/**
 * One Lighthouse run: the four category scores (0–100), what cost points, the HTML report, and
 * the machine's speed as Lighthouse measured it (its benchmark index). The preset slows the CPU
 * 4× whatever the machine: the slower the machine, the slower the phone a page is judged on.
 */
export async function runLighthouse(url: string): Promise<{ scores: Scores; findings: Finding[]; report: string; benchmarkIndex: number }> {
  // Lighthouse is an ES module with top-level await: imported, not required.
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await chromeLauncher.launch({ chromePath: findChromium(), chromeFlags: CHROME_FLAGS });
  try {
    const run = await lighthouse(url, { port: chrome.port, output: "html", logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!run) throw new Error(`Lighthouse returned nothing for ${url}.`);
    if (run.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${run.lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((run.lhr.categories[category].score ?? 0) * 100)])) as Scores;
    return { scores, findings: findingsOf(run.lhr), report: String(run.report), benchmarkIndex: run.lhr.environment.benchmarkIndex };
  } finally {
    chrome.kill();
  }
}
