import { QUESTIONS } from "../prisma/seed/article";
import { createMemberViaApi, createPost, createThread } from "./factories";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const main = (page: import("@playwright/test").Page) => page.getByRole("main");

test("post an opinion in markdown, see it rendered, reply, edit with history, delete to a placeholder", async ({ page, member }) => {
  await signIn(page, member);
  await page.goto(`/t/${QUESTIONS[3].slug}`);
  const composer = main(page).getByLabel("Votre contribution (Markdown)");
  await composer.fill("Il faut lire la **licence**, pas le communiqué.\n\n- les poids\n- les données");
  await expect(main(page).getByRole("region", { name: "Aperçu" }).locator("strong")).toHaveText("licence");
  // The article's Q4 groups its arguments by facet: a top-level post names one.
  await main(page).getByRole("group", { name: "Votre argument porte sur" }).getByRole("radio", { name: /^Licence/ }).check();
  await main(page).getByRole("button", { name: "Publier", exact: true }).click();

  const opinion = main(page).getByRole("article", { name: `Contribution de ${member.name}` }).first();
  await expect(opinion.locator("strong")).toHaveText("licence");
  await expect(opinion.getByRole("listitem")).toHaveText(["les poids", "les données"]);
  await expect(composer).toHaveValue("");

  // Reply (the rate limit allows one post per 10 seconds and member: another member replies).
  const replier = await createMemberViaApi(page.request, "replique");
  const replierPage = await page.context().browser()!.newPage();
  await signIn(replierPage, replier);
  await replierPage.goto(`/t/${QUESTIONS[3].slug}`);
  await replierPage.getByRole("main").getByRole("article", { name: `Contribution de ${member.name}` }).getByRole("link", { name: "Répondre" }).click();
  await replierPage.getByRole("main").getByLabel(`Répondre à ${member.name}`).fill("Et le code d’entraînement ?");
  await replierPage.getByRole("main").getByRole("button", { name: "Publier la réponse" }).click();
  await expect(replierPage.getByRole("main").getByRole("article", { name: `Contribution de ${replier.name}` })).toContainText("Et le code d’entraînement ?");
  await replierPage.close();

  // Edit, then open the history.
  await page.reload();
  const mine = main(page).getByRole("article", { name: `Contribution de ${member.name}` });
  await mine.getByRole("link", { name: "Modifier" }).click();
  await mine.getByLabel("Modifier votre contribution").fill("Il faut lire la *licence* en entier.");
  await mine.getByRole("button", { name: "Enregistrer" }).click();
  await expect(mine.locator("em")).toHaveText("licence");
  await mine.getByRole("link", { name: "modifié" }).click();
  await expect(mine.getByText("Version d’origine, du")).toBeVisible();
  await expect(mine.locator("strong")).toHaveText("licence");

  // Delete: a placeholder keeps the reply readable.
  await mine.getByRole("link", { name: "Supprimer" }).click();
  await mine.getByRole("button", { name: "Supprimer définitivement" }).click();
  await expect(main(page).getByText("Contribution supprimée par son auteur.")).toBeVisible();
  await page.reload();
  await expect(main(page).getByText("Contribution supprimée par son auteur.")).toBeVisible();
  await expect(main(page).getByRole("article", { name: `Contribution de ${replier.name}` })).toContainText("Et le code d’entraînement ?");
  await expect(main(page).getByText("Il faut lire la")).toHaveCount(0);
});

test("quote prefills the reply with the quoted post", async ({ page, member }) => {
  const author = await createMemberViaApi(page.request, "cite");
  await signIn(page, author);
  await page.goto(`/t/${QUESTIONS[4].slug}`);
  await main(page).getByLabel("Votre contribution (Markdown)").fill("Une phrase à citer.");
  await main(page).getByRole("group", { name: "Votre argument porte sur" }).getByRole("radio", { name: "Risques" }).check();
  await main(page).getByRole("button", { name: "Publier", exact: true }).click();
  await expect(main(page).getByRole("article", { name: `Contribution de ${author.name}` })).toContainText("Une phrase à citer.");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Connexion" })).toBeVisible();
  await signIn(page, member);
  await page.goto(`/t/${QUESTIONS[4].slug}`);
  await main(page).getByRole("article", { name: `Contribution de ${author.name}` }).getByRole("link", { name: "Citer" }).click();
  await expect(main(page).getByLabel(`Répondre à ${author.name}`)).toHaveValue(new RegExp(`^> \\*\\*\\[${author.name}\\]\\(/p/\\d+\\)\\*\\* :\\n> Une phrase à citer\\.`));
});

test("an anonymous reader is invited to sign in instead of a composer", async ({ page }) => {
  await page.goto(`/t/${QUESTIONS[0].slug}`);
  await expect(main(page).getByRole("link", { name: "Connectez-vous pour participer" })).toBeVisible();
  await expect(main(page).getByLabel("Votre contribution (Markdown)")).toHaveCount(0);
});

test("XSS payloads are published as inert text: no dialog fires, no injected element exists", async ({ page, member }) => {
  const payloads = [
    "<script>window.__xss = 1; alert('script')</script>",
    "<img src=x onerror=\"window.__xss = 1; alert('img')\">",
    "[clic](javascript:alert('link'))",
    "<svg onload=\"alert('svg')\"></svg>",
    "<iframe src=\"javascript:alert('iframe')\"></iframe>",
    "<a href=\"#\" onclick=\"alert('onclick')\" id=\"injected\">x</a>",
  ];
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  await signIn(page, member);
  await page.goto(`/t/${QUESTIONS[1].slug}`);
  await main(page).getByLabel("Votre contribution (Markdown)").fill(payloads.join("\n\n"));
  await main(page).getByRole("button", { name: "Publier", exact: true }).click();
  await expect(main(page).getByRole("article", { name: `Contribution de ${member.name}` })).toBeVisible();
  await page.reload();
  await expect(main(page).getByRole("article", { name: `Contribution de ${member.name}` })).toBeVisible();
  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const article = main(page).getByRole("article", { name: `Contribution de ${member.name}` });
  await expect(article.locator("script, img, svg, iframe, [onclick], [onerror], #injected, a[href^='javascript']")).toHaveCount(0);
});

test("a member proposes a question of their own; it lists after the five pinned questions", async ({ page, member }) => {
  await signIn(page, member);
  await page.goto("/");
  await page.getByRole("link", { name: "Proposer une question" }).click();
  const title = `Les poids ouverts suffisent-ils ? ${member.name}`;
  await page.getByLabel("Votre question").fill(title);
  await page.getByLabel("Le contexte de la question (Markdown)").fill("Heather Meeker propose une définition.");
  await page.getByRole("button", { name: "Proposer la question" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("main").getByRole("link", { name: member.name })).toHaveAttribute("href", `/u/${member.id}`);
  await page.goto("/");
  const titles = await main(page).getByRole("listitem").getByRole("heading", { level: 2 }).allTextContents();
  expect(titles.slice(0, 5)).toEqual(QUESTIONS.map((q) => q.title));
  expect(titles).toContain(title);
});

test("a thread page with posts and the composer is accessible", async ({ page, member }) => {
  await signIn(page, member);
  await page.goto(`/t/${QUESTIONS[2].slug}`);
  await page.getByRole("main").getByLabel("Votre contribution (Markdown)").fill("Un avis *accessible*.");
  await page.getByRole("main").getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByRole("main").getByRole("article", { name: `Contribution de ${member.name}` })).toBeVisible();
  await expectAccessible(page, `/t/${QUESTIONS[2].slug}`);
  await expectAccessible(page, "/questions/nouvelle");
});

test("« Citer » quotes the reader's selection, its own quotes left out, with a link back to the post", async ({ page, member, request }) => {
  const author = await createMemberViaApi(request, "selection");
  const thread = await createThread("Citer une sélection, pour le test");
  const postId = await createPost(author.id, thread.id, "Première phrase. Seconde phrase à citer.");
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  const post = main(page).getByRole("article", { name: `Contribution de ${author.name}` });
  // Select "Seconde phrase à citer." inside the post's text, as a reader would with the mouse.
  await post.locator("[data-post-body] p").evaluate((paragraph) => {
    const text = paragraph.firstChild!;
    const start = text.textContent!.indexOf("Seconde");
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, text.textContent!.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await post.getByRole("link", { name: "Citer" }).click();
  await expect(main(page).getByLabel(`Répondre à ${author.name}`)).toHaveValue(`> **[${author.name}](/p/${postId})** :\n> Seconde phrase à citer.\n\n`);
  await expect(main(page).getByLabel(`Répondre à ${author.name}`)).toBeFocused();
});
