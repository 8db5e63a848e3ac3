// The thread page's moderation (issue 12): lock, rename, hide and restore a post or the thread,
// each a real form — without JavaScript it posts and comes back with a notice, with it the same
// form runs in place. Results are checked on the page and in the database.
import type { Locator, Page } from "@playwright/test";
import { withE2eDatabase } from "./database";
import { createMemberViaApi, createPost, createThread, setRoleInDatabase } from "./factories";
import { expect, expectAccessible, pageWithoutJavaScript, signIn, test } from "./fixtures";

const threadRow = (id: number) =>
  withE2eDatabase(async (db) => (await db.query("SELECT title, is_locked, hidden_at, hidden_reason FROM threads WHERE id = $1", [id])).rows[0]);
const postRow = (id: number) => withE2eDatabase(async (db) => (await db.query("SELECT hidden_at, hidden_reason FROM posts WHERE id = $1", [id])).rows[0]);
const notice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

/** The form opens below the row of actions, never inside it: its field starts under the link that opened it. */
async function expectBelow(field: Locator, link: Locator) {
  const [fieldBox, linkBox] = [await field.boundingBox(), await link.boundingBox()];
  expect(fieldBox!.y).toBeGreaterThanOrEqual(linkBox!.y + linkBox!.height);
}

async function setUp(request: Parameters<typeof createMemberViaApi>[0], title: string) {
  const thread = await createThread(title);
  const author = await createMemberViaApi(request, "auteur");
  const postId = await createPost(author.id, thread.id, `Une contribution à modérer ${Date.now()}`);
  const moderator = await createMemberViaApi(request, "moderatrice");
  await setRoleInDatabase(moderator.id, "MODERATOR");
  return { thread, author, postId, moderator };
}

test.describe("without JavaScript", () => {
  test("a moderator locks, unlocks and renames the thread, hides a post with a reason and restores it, hides and restores the thread", async ({ browser, request }) => {
    const { thread, author, postId, moderator } = await setUp(request, "Un fil à modérer sans script");
    const page = await pageWithoutJavaScript(browser, moderator);
    await page.goto(`/t/${thread.slug}`);
    const tools = page.getByRole("main").getByRole("group", { name: "Modération du fil" });

    await tools.getByRole("button", { name: "Verrouiller" }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${thread.slug}\\?sort=best&notice=thread_locked#moderation-du-fil$`));
    await expect(notice(page, "Le fil est verrouillé")).toBeVisible();
    await expect(page.getByRole("main").getByText("Fil verrouillé", { exact: true })).toBeVisible();
    expect((await threadRow(thread.id)).is_locked).toBe(true);
    await tools.getByRole("button", { name: "Déverrouiller" }).click();
    await expect(notice(page, "Le fil est déverrouillé")).toBeVisible();
    expect((await threadRow(thread.id)).is_locked).toBe(false);

    // Renaming opens its form from a link, below the row; a title too short comes back with its message.
    await tools.getByRole("link", { name: "Renommer" }).click();
    await expect(page).toHaveURL(/ouvrir=renommer#moderation-du-fil$/);
    await expectBelow(tools.getByLabel("Nouveau titre"), tools.getByRole("link", { name: "Renommer" }));
    await expect(tools.getByLabel("Nouveau titre")).toHaveValue("Un fil à modérer sans script");
    await tools.getByLabel("Nouveau titre").fill("Non");
    await tools.getByRole("button", { name: "Renommer le fil" }).click();
    await expect(tools.getByRole("alert")).toContainText("La question compte au moins");
    await expect(tools.getByLabel("Nouveau titre")).toHaveValue("Non");
    await tools.getByLabel("Nouveau titre").fill("Un titre renommé sans script");
    await tools.getByRole("button", { name: "Renommer le fil" }).click();
    await expect(page).toHaveURL(/notice=thread_renamed#moderation-du-fil$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Un titre renommé sans script");
    await expect(tools.getByLabel("Nouveau titre")).toHaveCount(0);
    expect((await threadRow(thread.id)).title).toBe("Un titre renommé sans script");

    // A post: its form opens below its row of actions and says what will happen; it comes back to the post.
    const post = page.getByRole("main").getByRole("article", { name: `Contribution de ${author.name}` });
    await post.getByRole("link", { name: "Masquer" }).click();
    await expect(page).toHaveURL(new RegExp(`ouvrir=masquer-${postId}#p-${postId}$`));
    await expectBelow(post.getByLabel("Raison"), post.getByRole("link", { name: "Masquer" }));
    await expect(post).toContainText("Les lecteurs ne verront plus que « Contribution masquée par la modération »");
    await post.getByLabel("Raison").fill("Hors sujet, sans script");
    await post.getByRole("button", { name: "Confirmer : masquer" }).click();
    await expect(page).toHaveURL(new RegExp(`notice=post_hidden#p-${postId}$`));
    await expect(post).toContainText("Masqué par la modération : Hors sujet, sans script");
    const hidden = await postRow(postId);
    expect(hidden.hidden_at).not.toBeNull();
    expect(hidden.hidden_reason).toBe("Hors sujet, sans script");
    await post.getByRole("button", { name: "Rétablir" }).click();
    await expect(page).toHaveURL(new RegExp(`notice=post_restored#p-${postId}$`));
    await expect(post.getByText("Masqué par la modération")).toHaveCount(0);
    expect((await postRow(postId)).hidden_at).toBeNull();

    // The thread itself.
    await tools.getByRole("link", { name: "Masquer le fil" }).click();
    await expect(tools).toContainText("Le fil disparaîtra pour les lecteurs");
    await tools.getByLabel("Raison").fill("Doublon, sans script");
    await tools.getByRole("button", { name: "Confirmer : masquer le fil" }).click();
    await expect(notice(page, "Le fil est masqué")).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Fil masqué par la modération : Doublon, sans script");
    expect((await threadRow(thread.id)).hidden_reason).toBe("Doublon, sans script");
    await tools.getByRole("button", { name: "Rétablir le fil" }).click();
    await expect(notice(page, "Le fil est rétabli")).toBeVisible();
    await expect(page.getByRole("main").getByText("Fil masqué par la modération")).toHaveCount(0);
    expect((await threadRow(thread.id)).hidden_at).toBeNull();
  });
});

test("with JavaScript, a moderator hides a post, restores it and locks the thread in place, without reloading the page", async ({ page, request }) => {
  const { thread, author, postId, moderator } = await setUp(request, "Un fil à modérer en place");
  await signIn(page, moderator);
  await page.goto(`/t/${thread.slug}`);
  await page.evaluate(() => Object.assign(window, { __stayed: true }));
  const post = page.getByRole("main").getByRole("article", { name: `Contribution de ${author.name}` });

  await post.getByRole("link", { name: "Masquer" }).click();
  await expect(post.getByLabel("Raison")).toBeFocused();
  await expectBelow(post.getByLabel("Raison"), post.getByRole("link", { name: "Masquer" }));
  await post.getByLabel("Raison").fill("Hors sujet, en place");
  await post.getByRole("button", { name: "Confirmer : masquer" }).click();
  await expect(post).toContainText("Masqué par la modération : Hors sujet, en place");
  await expect(notice(page, "La contribution est masquée")).toBeVisible();
  await expect(post.getByLabel("Raison")).toHaveCount(0);
  expect((await postRow(postId)).hidden_reason).toBe("Hors sujet, en place");

  await post.getByRole("button", { name: "Rétablir" }).click();
  await expect(post.getByText("Masqué par la modération")).toHaveCount(0);
  expect((await postRow(postId)).hidden_at).toBeNull();

  await page.getByRole("group", { name: "Modération du fil" }).getByRole("button", { name: "Verrouiller" }).click();
  await expect(page.getByRole("main").getByText("Fil verrouillé", { exact: true })).toBeVisible();
  expect((await threadRow(thread.id)).is_locked).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);
});

test("the thread page's moderation forms, opened from the address, are accessible", async ({ page, request }) => {
  const { thread, postId, moderator } = await setUp(request, "Un fil à modérer, accessible");
  await signIn(page, moderator);
  for (const form of ["renommer", "masquer", `masquer-${postId}`]) {
    await expectAccessible(page, `/t/${thread.slug}?ouvrir=${form}`);
    await expect(page.getByRole("main").getByRole("textbox", { name: form === "renommer" ? "Nouveau titre" : "Raison" })).toBeVisible();
  }
});
