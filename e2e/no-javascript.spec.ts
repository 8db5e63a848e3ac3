// The thread's journeys with JavaScript off: every form posts and redirects back with a notice,
// every list pages with links (issue 12). Results are checked on the page and in the database.
import type { Page } from "@playwright/test";
import { withE2eDatabase } from "./database";
import { createMemberViaApi, createThread } from "./factories";
import { expect, pageWithoutJavaScript, test } from "./fixtures";

const main = (page: Page) => page.getByRole("main");
const postRows = (threadId: number) =>
  withE2eDatabase(async (db) => (await db.query("SELECT id, parent_id, body, deleted_at FROM posts WHERE thread_id = $1 ORDER BY id", [threadId])).rows);

test.describe("without JavaScript", () => {
  test("a member publishes, is told so at the new post, and a refused text comes back with its message", async ({ browser, member }) => {
    const thread = await createThread("Publier sans JavaScript, pour le test");
    const page = await pageWithoutJavaScript(browser, member);
    await page.goto(`/t/${thread.slug}`);
    await main(page).getByLabel("Votre contribution (Markdown)").fill("Un avis **sans script**.");
    await main(page).getByRole("button", { name: "Publier", exact: true }).click();

    const [row] = await postRows(thread.id);
    expect(row.body).toBe("Un avis **sans script**.");
    await expect(page).toHaveURL(new RegExp(`/t/${thread.slug}\\?sort=new&notice=post_published#p-${row.id}$`));
    await expect(page.getByRole("status")).toHaveText("Votre contribution est publiée.");
    await expect(main(page).getByRole("article", { name: `Contribution de ${member.name}` }).locator("strong")).toHaveText("sans script");

    // A text the renderer would refuse: the form comes back with it and says why.
    const tooDeep = `${">".repeat(17)} trop imbriqué`;
    await main(page).getByLabel("Votre contribution (Markdown)").fill(tooDeep);
    await main(page).getByRole("button", { name: "Publier", exact: true }).click();
    await expect(main(page).getByRole("alert")).toContainText("Le formulaire contient des erreurs");
    await expect(main(page).getByLabel("Votre contribution (Markdown)")).toHaveValue(tooDeep);
    await expect(main(page).getByRole("alert").getByRole("link")).toHaveText(/imbrique trop de citations/);
    expect(await postRows(thread.id)).toHaveLength(1);
  });

  test("reply, quote, edit with its history, and delete after a confirmation", async ({ browser, member, request }) => {
    const thread = await createThread("Répondre sans JavaScript, pour le test");
    const author = await createMemberViaApi(request, "auteur");
    const authorPage = await pageWithoutJavaScript(browser, author);
    await authorPage.goto(`/t/${thread.slug}`);
    await main(authorPage).getByLabel("Votre contribution (Markdown)").fill("> une citation ancienne\n\nLe texte de départ.");
    await main(authorPage).getByRole("button", { name: "Publier", exact: true }).click();
    const [opinion] = await postRows(thread.id);

    const page = await pageWithoutJavaScript(browser, member);
    await page.goto(`/t/${thread.slug}`);
    const post = main(page).getByRole("article", { name: `Contribution de ${author.name}` });
    await post.getByRole("link", { name: "Citer" }).click();
    await expect(page).toHaveURL(new RegExp(`citer=${opinion.id}#p-${opinion.id}$`));
    // The whole post is quoted, its own quote left out, with a link back to it.
    await expect(main(page).getByLabel(`Répondre à ${author.name}`)).toHaveValue(`> **[${author.name}](/p/${opinion.id})** :\n> Le texte de départ.\n\n`);
    await main(page).getByLabel(`Répondre à ${author.name}`).fill("Je réponds sans script.");
    await main(page).getByRole("button", { name: "Publier la réponse" }).click();
    const reply = (await postRows(thread.id))[1];
    expect(reply.parent_id).toBe(opinion.id);
    await expect(page).toHaveURL(new RegExp(`notice=reply_published#p-${reply.id}$`));
    await expect(page.getByRole("status")).toHaveText("Votre réponse est publiée.");
    await expect(main(page).getByRole("article", { name: `Contribution de ${member.name}` })).toContainText("Je réponds sans script.");
    await expect(main(page).getByLabel(`Répondre à ${author.name}`)).toHaveCount(0);

    // The author edits, reads the history, then deletes.
    await authorPage.goto(`/t/${thread.slug}`);
    const mine = main(authorPage).getByRole("article", { name: `Contribution de ${author.name}` });
    await mine.getByRole("link", { name: "Modifier" }).click();
    await mine.getByLabel("Modifier votre contribution").fill("Le texte corrigé.");
    await mine.getByRole("button", { name: "Enregistrer" }).click();
    await expect(authorPage.getByRole("status")).toHaveText("Votre contribution est modifiée.");
    await expect(mine).toContainText("Le texte corrigé.");
    await mine.getByRole("link", { name: "modifié" }).click();
    const history = mine.getByRole("region", { name: "Historique des modifications" });
    await expect(history.getByText(/^Version actuelle/)).toBeVisible();
    await expect(history.getByText(/^Version d’origine/)).toBeVisible();
    await expect(history.getByLabel("Changements de cette modification").locator("ins")).toContainText(["corrigé"]);

    // The history's page streams in: click once it has loaded (once, a click while it still loaded was lost).
    await authorPage.waitForLoadState("load");
    await mine.getByRole("link", { name: "Supprimer" }).click();
    await expect(mine.getByText("Supprimer cette contribution ?")).toBeVisible();
    await mine.getByRole("button", { name: "Supprimer définitivement" }).click();
    await expect(authorPage.getByRole("status")).toHaveText("Votre contribution est supprimée.");
    await expect(main(authorPage).getByText("Contribution supprimée par son auteur.")).toBeVisible();
    expect((await postRows(thread.id))[0].deleted_at).not.toBeNull();
  });

  test("a thread's posts and a long conversation page with links, both ways", async ({ browser, request }) => {
    const thread = await createThread("Des pages de contributions, pour le test");
    const author = await createMemberViaApi(request, "pages");
    const replies = 5 + 50 + 3;
    await withE2eDatabase(async (db) => {
      await db.query(
        `INSERT INTO posts (thread_id, author_id, body, body_html, created_at)
         SELECT $1, $2, 'Avis ' || n, '<p>Avis ' || n || '</p>', now() - interval '1 hour' + n * interval '1 second'
         FROM generate_series(1, 25) AS n`,
        [thread.id, author.id],
      );
      await db.query(
        `INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html, created_at)
         SELECT $1, $2, r.id, r.id, 1, 'Réponse ' || n, '<p>Réponse ' || n || '</p>', now() + n * interval '1 second'
         FROM generate_series(1, $3) AS n, (SELECT id FROM posts WHERE thread_id = $1 AND body = 'Avis 1') r`,
        [thread.id, author.id, replies],
      );
    });
    const page = await pageWithoutJavaScript(browser);
    await page.goto(`/t/${thread.slug}?sort=old`);
    const roots = main(page).locator("article").filter({ hasText: /^.*Avis \d+/ });
    await expect(roots).toHaveCount(20);
    await main(page).getByRole("link", { name: "Page suivante" }).click();
    await expect(page).toHaveURL(/sort=old&cursor=/);
    await expect(roots).toHaveCount(5);
    await expect(roots.first()).toContainText("Avis 21");
    await expect(main(page).getByRole("link", { name: "Page suivante" })).toHaveCount(0);
    await main(page).getByRole("link", { name: "Page précédente" }).click();
    await expect(roots).toHaveCount(20);
    await expect(roots.first()).toContainText("Avis 1");

    // The conversation of "Avis 1": its first replies here, all of them on its own page.
    await main(page).getByRole("link", { name: "Voir la suite de la conversation" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Conversation de ${author.name}`);
    const answers = main(page).locator("article").filter({ hasText: /Réponse \d+/ });
    await expect(answers).toHaveCount(50);
    await main(page).getByRole("link", { name: "Page suivante" }).click();
    await expect(answers).toHaveCount(replies - 50);
    await expect(answers.last()).toContainText(`Réponse ${replies}`);
    await main(page).getByRole("link", { name: "Page précédente" }).click();
    await expect(answers).toHaveCount(50);
    await expect(answers.first()).toContainText("Réponse 1");
  });

  test("a forged or foreign cursor shows the first page instead of failing", async ({ browser }) => {
    const thread = await createThread("Un curseur forgé, pour le test");
    const page = await pageWithoutJavaScript(browser);
    for (const query of ["cursor=bm90LWpzb24", "before=eyJzIjoibmV3IiwidiI6IjIwMjYtMDEtMDFUMDA6MDA6MDBaIiwiaWQiOjF9&sort=best", "cursor=a&before=b", "repondre=abc"]) {
      const response = await page.goto(`/t/${thread.slug}?${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Un curseur forgé, pour le test");
    }
    expect((await page.goto("/p/999999999"))?.status()).toBe(404);
  });
});
