// Every page runs under its Content-Security-Policy without a single violation, in each role
// that sees it differently: the browser's `securitypolicyviolation` events are collected from
// before the first script runs, and CSP errors in the console with them.
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { createPagesFixture, pagesFor, type Role, ROLES, visitorFor } from "./site-pages";

async function collectViolations(page: Page) {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (violation: string) => void }).reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

for (const [role, who] of Object.entries(ROLES) as [Role, string][]) {
  test(`no page breaks its CSP for ${who}`, async ({ page, request }) => {
    const fixture = await createPagesFixture(request);
    const violations = await collectViolations(page);
    const visitor = await visitorFor(role, request);
    if (visitor) await signIn(page, visitor);
    for (const path of pagesFor(role, fixture)) {
      await page.goto(path, { waitUntil: "networkidle" });
      await expect(page.locator("html")).toHaveAttribute("lang", "fr");
      expect(violations, path).toEqual([]);
    }
  });
}
