// Every page runs under its Content-Security-Policy without a single violation, in each role
// that sees it differently: the browser's `securitypolicyviolation` events are collected from
// before the first script runs, and CSP errors in the console with them.
import type { Page } from "@playwright/test";
import { withE2eDatabase } from "./database";
import { createMemberViaApi, createThread } from "./factories";
import { expect, signIn, test } from "./fixtures";

const ROLES = { READER: "a signed-out reader", MEMBER: "a member", MODERATOR: "a moderator", ADMIN: "an admin" } as const;
type Role = keyof typeof ROLES;

/** The pages each role visits: the public ones for all, then those their role opens. */
function pagesFor(role: Role, { threadSlug, profileId }: { threadSlug: string; profileId: number }) {
  const pages = ["/", "/article", `/t/${threadSlug}`, `/u/${profileId}`, "/moderation/journal", "/page-qui-n-existe-pas"];
  if (role === "READER") return [...pages, "/connexion", "/inscription"];
  pages.push("/compte", "/questions/nouvelle");
  if (role === "MEMBER") return pages;
  pages.push("/moderation", "/moderation/log");
  return role === "ADMIN" ? [...pages, "/admin/users"] : pages;
}

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
    const author = await createMemberViaApi(request, "auteur");
    const thread = await createThread("Un fil pour vérifier la CSP");
    await withE2eDatabase((db) =>
      db.query("INSERT INTO posts (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Un avis **gras**.', '<p>Un avis <strong>gras</strong>.</p>')", [thread.id, author.id]),
    );
    const violations = await collectViolations(page);
    if (role !== "READER") {
      const visitor = await createMemberViaApi(request, role.toLowerCase());
      await withE2eDatabase((db) => db.query("UPDATE users SET role = $2 WHERE id = $1", [visitor.id, role]));
      await signIn(page, visitor);
    }
    for (const path of pagesFor(role, { threadSlug: thread.slug, profileId: author.id })) {
      await page.goto(path, { waitUntil: "networkidle" });
      await expect(page.locator("html")).toHaveAttribute("lang", "fr");
      expect(violations, path).toEqual([]);
    }
  });
}
