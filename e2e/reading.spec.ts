import { expect, expectAccessible, test } from "./fixtures";
import { QUESTIONS } from "../prisma/seed/article";

test("the home page shows the article and the five questions, in order", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les questions en débat");
  await expect(page.getByRole("heading", { name: "Évolution du concept d’open source" })).toBeVisible();
  const titles = page.getByRole("main").getByRole("listitem").getByRole("heading", { level: 2 });
  await expect(titles.first()).toHaveText(QUESTIONS[0].title);
  // Threads other tests propose come after the pinned questions.
  expect((await titles.allTextContents()).slice(0, 5)).toEqual(QUESTIONS.map((q) => q.title));
});

test("a question opens its thread, with its context", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: QUESTIONS[1].title }).click();
  await expect(page).toHaveURL(`/t/${QUESTIONS[1].slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUESTIONS[1].title);
  await expect(page.getByRole("region", { name: "Le contexte" })).toContainText("Notre approche open source");
});

test("the article page links each closing question to its thread", async ({ page }) => {
  await page.goto("/article");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Évolution du concept d’open source");
  await expect(page.getByRole("heading", { name: "De la liberté à l’ouverture" })).toBeVisible();
  const questions = page.getByRole("region", { name: "Les questions de l’article" }).getByRole("link");
  await expect(questions).toHaveText(QUESTIONS.map((q) => q.title));
  await questions.nth(4).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUESTIONS[4].title);
});

test("an unknown thread shows a 404 page", async ({ page }) => {
  const response = await page.goto("/t/cette-question-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fil de discussion introuvable");
  await page.getByRole("link", { name: "Voir toutes les questions" }).click();
  await expect(page).toHaveURL("/");
});

for (const path of ["/", "/article", `/t/${QUESTIONS[0].slug}`]) {
  test(`${path} is accessible in light and dark mode`, async ({ page }) => {
    await expectAccessible(page, path);
  });
}
