// The frame of every page: a footer with the rules and the public journal, held at the bottom of
// short pages; the "À propos" page; a header that fits a phone; the article quoted as a quotation.
import type { Locator, Page } from "@playwright/test";
import { createThread, setRoleInDatabase } from "./factories";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { QUESTIONS } from "../prisma/seed/article";

const PHONE = { width: 390, height: 844 };
const NNBSP = "\u202F";

test("the footer links the rules and the public journal, and stays at the bottom of a short page", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/cette-page-n-existe-pas");
  const footer = page.getByRole("contentinfo");
  const box = (await footer.boundingBox())!;
  expect(Math.round(box.y + box.height)).toBe(900);

  await footer.getByRole("link", { name: "À propos et règles du débat" }).click();
  await expect(page).toHaveURL("/a-propos");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("À propos d’Agora");
  await page.getByRole("contentinfo").getByRole("link", { name: "Journal de la modération" }).click();
  await expect(page).toHaveURL("/moderation/journal");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal public de la modération");
});

test("« À propos » says what Agora is and sets out the rules of the debate and what moderators do", async ({ page }) => {
  await page.goto("/a-propos");
  await expect(page.getByRole("main")).toContainText("Agora est un forum pour débattre des questions d’un article");
  const rules = page.getByRole("region", { name: "Les règles du débat" }).getByRole("listitem");
  await expect(rules).toHaveCount(4);
  for (const [index, rule] of ["Le respect.", "Des arguments, pas des personnes.", "Des sources.", "Pas de spam."].entries()) {
    await expect(rules.nth(index).locator("strong")).toHaveText(rule);
  }
  const moderation = page.getByRole("region", { name: "Ce que fait la modération" });
  await expect(moderation).toContainText("chaque action de la modération est publique");
  await moderation.getByRole("link", { name: "journal de la modération" }).click();
  await expect(page).toHaveURL("/moderation/journal");
});

test("« À propos » is accessible in light and dark mode", async ({ page }) => {
  await expectAccessible(page, "/a-propos");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("À propos d’Agora");
});

/** The header's visible links, buttons and menu button. */
const headerTargets = (page: Page) => page.getByRole("banner").locator("a:visible, button:visible, summary:visible");

async function expectOneRowWithoutOverflow(page: Page) {
  const boxes = await Promise.all((await headerTargets(page).all()).map(async (target) => (await target.boundingBox())!));
  // One row: every item overlaps every other vertically.
  expect(Math.max(...boxes.map((box) => box.y))).toBeLessThan(Math.min(...boxes.map((box) => box.y + box.height)));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

async function expectTapTargets(targets: Locator) {
  for (const target of await targets.all()) {
    const box = (await target.boundingBox())!;
    expect(box.width, await target.innerText()).toBeGreaterThanOrEqual(24);
    expect(box.height, await target.innerText()).toBeGreaterThanOrEqual(24);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
}

const ROLES = [
  { who: "a reader", role: null, items: ["Connexion", "Inscription"] },
  { who: "a member", role: "MEMBER", items: ["Connecté en tant que", "Se déconnecter"] },
  { who: "an admin", role: "ADMIN", items: ["Modération", "Rôles", "Connecté en tant que", "Se déconnecter"] },
] as const;

for (const { who, role, items } of ROLES) {
  test(`at 390 px the header fits on one row for ${who}, every item reachable from the « Compte » menu`, async ({ page, member }) => {
    if (role) {
      await setRoleInDatabase(member.id, role);
      await signIn(page, member);
    }
    await page.setViewportSize(PHONE);
    await page.goto(`/t/${QUESTIONS[0].slug}`);
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Questions" })).toBeVisible();
    await expect(header.getByRole("link", { name: "L’article" })).toBeVisible();
    await expectOneRowWithoutOverflow(page);
    await expectTapTargets(headerTargets(page));

    // The keyboard opens the menu, reaches its items, and Escape closes it.
    const menuButton = header.getByText("Compte", { exact: true });
    await menuButton.focus();
    await page.keyboard.press("Enter");
    const menu = header.locator("details");
    for (const name of items) await expect(menu.getByRole(name === "Se déconnecter" ? "button" : "link", { name })).toBeVisible();
    await expectTapTargets(menu.locator("a, button"));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.keyboard.press("Tab");
    await expect(menu.locator(":focus")).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(menu).not.toHaveAttribute("open");
    await expect(menu.getByRole("link").first()).toBeHidden();
    await expect(menuButton).toBeFocused();

    // A link of the menu leads to its page, and the menu is closed there.
    await menuButton.click();
    await menu.getByRole("link").first().click();
    await expect(page).not.toHaveURL(`/t/${QUESTIONS[0].slug}`);
    await expect(menu).not.toHaveAttribute("open");
  });
}

test("the phone header, menu open, is accessible", async ({ page, member }) => {
  await setRoleInDatabase(member.id, "ADMIN");
  await signIn(page, member);
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await page.getByRole("banner").getByText("Compte", { exact: true }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Rôles" })).toBeVisible();
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const results = await new AxeBuilder({ page }).include("header").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

/** The guillemets a quotation's first and last blocks open and close with (globals.css). */
const guillemets = (quote: Locator) =>
  quote.evaluate((blockquote) => {
    const blocks = [...(blockquote.querySelector(":scope > .prose-agora") ?? blockquote).children];
    return [getComputedStyle(blocks[0], "::before").content, getComputedStyle(blocks.at(-1)!, "::after").content];
  });

async function expectArticleQuotation(scope: Locator, text: string) {
  const figure = scope.getByRole("figure");
  const quote = figure.locator(":scope > blockquote");
  await expect(quote).toHaveAttribute("cite", "/article");
  await expect(quote).toContainText(text);
  expect(await guillemets(quote)).toEqual([`"«${NNBSP}"`, `"${NNBSP}»"`]);
  const caption = figure.locator("figcaption");
  await expect(caption.locator("cite").getByRole("link", { name: "Évolution du concept d’open source" })).toHaveAttribute("href", "/article");
}

test("the home intro and a question's context are quotations of the article, attributed to it", async ({ page }) => {
  await page.goto("/");
  await expectArticleQuotation(page.getByRole("main").getByRole("region", { name: "Évolution du concept d’open source" }), "Fanelli considère que ces restrictions");
  await expect(page.getByRole("main").getByRole("figure").locator("figcaption")).toContainText("Extrait de l’article");

  await page.goto(`/t/${QUESTIONS[1].slug}`);
  const context = page.getByRole("region", { name: "Le contexte" });
  await expectArticleQuotation(context, "Meta fournit les paramètres de LLaMA 2");
  await expect(context.locator("figcaption")).toContainText("D’après l’article");
});

test("the article page quotes the article with its source; a member's own question is not set as a quotation", async ({ page }) => {
  await page.goto("/article");
  const figure = page.getByRole("main").getByRole("figure");
  await expect(figure.locator(":scope > blockquote")).toContainText("De la liberté à l’ouverture");
  expect(await guillemets(figure.locator(":scope > blockquote"))).toEqual([`"«${NNBSP}"`, `"${NNBSP}»"`]);
  await expect(figure.locator("figcaption cite")).toHaveText("Alessio Fanelli's blog post");

  const thread = await createThread("Une question d’un membre, sans citation");
  await page.goto(`/t/${thread.slug}`);
  const context = page.getByRole("region", { name: "Le contexte" });
  await expect(context).toContainText("Contexte.");
  await expect(context.getByRole("figure")).toHaveCount(0);
});
