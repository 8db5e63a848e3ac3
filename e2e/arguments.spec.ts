// Facets of an open question (proposed with it, chosen by each argument, shown and filtered by),
// and « Les arguments »: the best posts of each side, side by side.
import type { Page } from "@playwright/test";
import { withE2eDatabase } from "./database";
import { createMemberViaApi, createPost, createThread, TEST_POSITIONS } from "./factories";
import { expect, expectAccessible, pageWithoutJavaScript, test } from "./fixtures";

const main = (page: Page) => page.getByRole("main");
const postList = (page: Page) => main(page).getByRole("region", { name: /opinion/ });

test("without JavaScript, a member proposes an open question with two facets, argues under one, and readers filter by it", async ({ browser, member }) => {
  // A long journey (a proposal, two posts, two filters, axe in two colour schemes).
  test.setTimeout(120_000);
  const page = await pageWithoutJavaScript(browser, member);
  await page.goto("/questions/nouvelle");
  const facets = main(page).getByRole("group", { name: /Regrouper les arguments par thème/ });
  await expect(facets).toBeVisible();
  const title = `Faut-il publier les poids des modèles ? ${member.name}`;
  await main(page).getByLabel("Votre question").fill(title);
  await main(page).getByLabel("Le contexte de la question (Markdown)").fill("Les poids seuls suffisent-ils ?");
  await facets.getByLabel("Thème 1", { exact: true }).fill("Risques");
  await facets.getByLabel("Description du thème 1 (facultative)").fill("Ce qui peut mal tourner");
  await facets.getByLabel("Thème 2", { exact: true }).fill("Opportunités");
  await main(page).getByRole("button", { name: "Proposer la question" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // A question counts as a post against the posting limit (one per 10 s): not this test's subject.
  await withE2eDatabase((db) => db.query("DELETE FROM rate_limit_hits WHERE key = $1", [`postsPerMemberBurst:${member.id}`]));

  // Without a facet, the server refuses and says which to choose, on the choice itself.
  const composer = main(page).getByRole("region", { name: "Votre avis" });
  const choice = composer.getByRole("group", { name: "Votre argument porte sur" });
  await expect(choice.getByRole("radio")).toHaveCount(2);
  await expect(choice.getByRole("radio", { name: /Risques/ })).toHaveAccessibleName("Risques — Ce qui peut mal tourner");
  await composer.getByLabel("Votre contribution (Markdown)").fill("Des poids publiés servent aussi à qui veut nuire.");
  await composer.getByRole("button", { name: "Publier" }).click();
  await expect(main(page).getByRole("alert")).toContainText("Choisissez le thème de votre argument : « Risques », « Opportunités ».");
  await expect(composer.getByLabel("Votre contribution (Markdown)")).toHaveValue("Des poids publiés servent aussi à qui veut nuire.");
  await composer.getByRole("group", { name: "Votre argument porte sur" }).getByRole("radio", { name: /Risques/ }).check();
  await composer.getByRole("button", { name: "Publier" }).click();

  const post = postList(page).getByRole("article", { name: `Contribution de ${member.name}` });
  await expect(post).toBeVisible();
  await expect(post).toContainText("thème\u202f: Risques");

  // The « Thème » row filters the list, by links.
  const themes = main(page).getByRole("navigation", { name: "Thème" });
  await themes.getByRole("link", { name: "Opportunités" }).click();
  await expect(page).toHaveURL(/facet=\d+/);
  await expect(postList(page).getByRole("article")).toHaveCount(0);
  await themes.getByRole("link", { name: "Risques" }).click();
  await expect(postList(page).getByRole("article")).toHaveCount(1);
  await expect(themes.getByRole("link", { name: "Risques" })).toHaveAttribute("aria-current", "page");
  // « Les arguments » groups by facet: the post is under « Risques », « Opportunités » has none yet.
  const best = main(page).getByRole("region", { name: "Les arguments" });
  await expect(best.getByRole("region", { name: "Risques" })).toContainText("Des poids publiés servent aussi à qui veut nuire.");
  await expect(best.getByRole("region", { name: "Opportunités" })).toContainText("Aucun argument pour l’instant.");
  // axe runs in the page: a reader's browser with its script checks the same address.
  const checked = await (await browser.newContext()).newPage();
  await expectAccessible(checked, page.url());
  await checked.context().close();
  await page.context().close();
});

test("a position question opens on « Les arguments »: one column per position with its best posts, a link to the filtered list, stacked on a phone", async ({ page, request }) => {
  const thread = await createThread("Les arguments de chaque camp", { kind: "POSITION" });
  const [yes, no] = [await createMemberViaApi(request, "oui"), await createMemberViaApi(request, "non")];
  const positions = await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>("SELECT id FROM thread_positions WHERE thread_id = $1 ORDER BY ord", [thread.id]);
    await db.query("INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) VALUES ($1, $2, $3, now()), ($1, $4, $5, now())", [
      thread.id, yes.id, rows[0].id, no.id, rows[1].id,
    ]);
    return rows.map((row) => row.id);
  });
  const strongYes = await createPost(yes.id, thread.id, "Le meilleur argument pour le oui.");
  await createPost(yes.id, thread.id, "Un argument moyen pour le oui.");
  const strongNo = await createPost(no.id, thread.id, "Le meilleur argument pour le non.");
  await withE2eDatabase((db) => db.query("UPDATE posts SET upvotes = 12 WHERE id = ANY($1::int[])", [[strongYes, strongNo]]));

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/t/${thread.slug}`);
  const best = main(page).getByRole("region", { name: "Les arguments" });
  // The first section after the question's context and the stance panel.
  await expect(main(page).getByRole("heading", { level: 2 }).nth(2)).toHaveText("Les arguments");
  const columns = best.getByRole("region");
  await expect(columns).toHaveCount(3);
  const [yesColumn, noColumn, nuanced] = [best.getByRole("region", { name: TEST_POSITIONS[0] }), best.getByRole("region", { name: TEST_POSITIONS[1] }), best.getByRole("region", { name: TEST_POSITIONS[2] })];
  await expect(yesColumn.getByRole("listitem")).toHaveCount(2);
  await expect(yesColumn.getByRole("listitem").first()).toContainText("Le meilleur argument pour le oui.");
  await expect(yesColumn).not.toContainText("pour le non");
  await expect(noColumn.getByRole("listitem")).toHaveCount(1);
  await expect(noColumn).toContainText("Le meilleur argument pour le non.");
  await expect(nuanced).toContainText("Aucun argument pour l’instant.");
  await expect(yesColumn.getByRole("link", { name: new RegExp(yes.name) }).first()).toHaveAttribute("href", `/p/${strongYes}`);

  // Side by side on a wide screen, stacked on a phone.
  const left = async (column: typeof yesColumn) => (await column.boundingBox())!.x;
  expect(await left(noColumn)).toBeGreaterThan(await left(yesColumn));
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await left(noColumn)).toBe(await left(yesColumn));
  await page.setViewportSize({ width: 1280, height: 900 });

  await yesColumn.getByRole("link", { name: "Voir les 2 arguments de cette position" }).click();
  await expect(page).toHaveURL(new RegExp(`position=${positions[0]}&sort=best#posts-title$`));
  const listed = postList(page).getByRole("article");
  await expect(listed).toHaveCount(2);
  await expect(listed.first()).toContainText("Le meilleur argument pour le oui.");
  await expect(postList(page)).not.toContainText("pour le non");
  await expect(main(page).getByRole("navigation", { name: "Écrit en tant que" }).getByRole("link", { name: TEST_POSITIONS[0] })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page, `/t/${thread.slug}`);
});
