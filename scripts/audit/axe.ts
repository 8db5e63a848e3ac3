// axe-core on one page, in light and in dark mode: every rule it runs by default (WCAG 2.0–2.2
// A/AA and its best practices, such as heading-order and landmark-unique), any impact.
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "@playwright/test";

export type AxeViolation = { colorScheme: "light" | "dark"; id: string; impact: string; targets: string[] };

export async function runAxe(browser: Browser, url: string): Promise<AxeViolation[]> {
  const violations: AxeViolation[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    // AxeBuilder needs a page of a context of its own.
    const context = await browser.newContext({ colorScheme, locale: "fr-FR" });
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: "networkidle" });
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations) {
        violations.push({
          colorScheme,
          id: violation.id,
          impact: violation.impact ?? "unknown",
          targets: violation.nodes.map((node) => node.target.join(" ")),
        });
      }
    } finally {
      await context.close();
    }
  }
  return violations;
}
