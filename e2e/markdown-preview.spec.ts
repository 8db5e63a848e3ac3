import { QUESTIONS } from "../prisma/seed/article";
import { expect, signIn, test } from "./fixtures";

const main = (page: import("@playwright/test").Page) => page.getByRole("main");

test("the composer's preview names the limit a text exceeds and never freezes the page", async ({ page, member }) => {
  await signIn(page, member);
  await page.goto(`/t/${QUESTIONS[0].slug}`);
  const composer = main(page).getByLabel("Votre contribution (Markdown)");
  const preview = main(page).getByRole("region", { name: "Aperçu" });

  await composer.fill("> ".repeat(9_999));
  await expect(preview).toContainText("16 niveaux au plus");

  // Seconds of parsing (nested emphasis): the preview renders in a worker, so the page keeps
  // answering, and gives up as the server does, at its time bound or when the nesting exhausts the
  // stack (which comes first depends on the machine's speed). (One line: Chromium types a textarea of
  // thousands of lines too slowly for a test.)
  await composer.fill(`${"*".repeat(9_000)}a${"*".repeat(9_000)}`);
  expect(await page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve("la page répond"), 10)))).toBe("la page répond");
  await expect(preview).toContainText("trop complexe à mettre en forme", { timeout: 20_000 });

  await composer.fill("Retour à un **avis** simple.");
  await expect(preview.locator("strong")).toHaveText("avis");
});
