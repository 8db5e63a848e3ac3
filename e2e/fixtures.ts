import AxeBuilder from "@axe-core/playwright";
import { test as base, type Browser, type BrowserContextOptions, expect, type Page } from "@playwright/test";
import { createMemberViaApi } from "./factories";

type Member = Awaited<ReturnType<typeof createMemberViaApi>>;

/** Signs in through the real page, as a person would. */
export async function signIn(page: Page, member: { email: string; password: string }) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(member.email);
  await page.getByLabel("Mot de passe").fill(member.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  // On a phone the header keeps it in its closed « Compte » menu: present, not shown.
  await expect(page.getByRole("button", { name: "Se déconnecter", includeHidden: true }).first()).toBeAttached();
}

/** A page of a browser with JavaScript off, signed in as the member (or signed out). */
export async function pageWithoutJavaScript(browser: Browser, member?: Member): Promise<Page> {
  let storageState: BrowserContextOptions["storageState"];
  if (member) {
    const signingIn = await browser.newPage();
    await signIn(signingIn, member);
    storageState = await signingIn.context().storageState();
    await signingIn.context().close();
  }
  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  return context.newPage();
}

const COLOR_SCHEMES = ["light", "dark"] as const;

/**
 * Landmarks, one h1, and no axe violation of any impact — WCAG 2.2 AA and axe's best practices
 * (heading order, unique landmarks, scrollable regions reachable by keyboard) — in light and in
 * dark mode.
 */
export async function expectAccessible(page: Page, path: string, colorSchemes: readonly ("light" | "dark")[] = COLOR_SCHEMES) {
  for (const colorScheme of colorSchemes) {
    await page.emulateMedia({ colorScheme });
    await page.goto(path);
    await expectAccessibleNow(page, `${path} (${colorScheme})`);
  }
}

/** The same checks on the page as it is now, without loading it again (a form showing its errors). */
export async function expectAccessibleAsShown(page: Page) {
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectAccessibleNow(page);
  }
}

async function expectAccessibleNow(page: Page, where = page.url()) {
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`), where).toEqual([]);
}

export const test = base.extend<{ member: Member }>({
  member: async ({ request }, use) => {
    await use(await createMemberViaApi(request));
  },
});

export { expect };
