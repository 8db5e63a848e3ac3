// A question's synthesis (/t/{slug}/synthese): without JavaScript, its sections with the numbers
// of a question built for the test; the question's page leads to it; on paper the site's header
// and footer are gone; the same data from the JSON API.
import type { APIRequestContext, Page } from "@playwright/test";
import { withE2eDatabase } from "./database";
import { createMemberViaApi, createPost, createQuestionThatMoved, createThread, noonDaysAgo as daysAgo } from "./factories";
import { expect, expectAccessible, pageWithoutJavaScript, test } from "./fixtures";

const frenchDate = (date: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(date);

/**
 * Three members: `a` says « Oui », `b` « Oui » then « Non », crediting `c`'s post, `c` « Non »; `a`
 * and `c` each wrote a post. Three participants, two posts, one change of position.
 */
async function questionWithADebate(request: APIRequestContext) {
  const { thread, members } = await createQuestionThatMoved(request, "Une question à synthétiser", "synthese");
  const { a, b, c } = members;
  await createPost(a.id, thread.id, "Un argument pour le oui", daysAgo(5));
  const credited = await createPost(c.id, thread.id, "Un argument pour le non", daysAgo(3));
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO mind_change_credits (change_id, thread_id, post_id, user_id, from_position_id, to_position_id)
       SELECT id, thread_id, $2, user_id, from_position_id, to_position_id FROM stance_changes
       WHERE thread_id = $1 AND user_id = $3 AND from_position_id IS NOT NULL AND to_position_id IS NOT NULL`,
      [thread.id, credited, b.id],
    ),
  );
  return { ...thread, credited };
}

const region = (page: Page, name: string | RegExp) => page.getByRole("main").getByRole("region", { name });

test("without JavaScript, the synthesis shows the question, its tally and history, what changed minds and its key figures", async ({ browser, request, baseURL }) => {
  const thread = await questionWithADebate(request);
  const page = await pageWithoutJavaScript(browser);

  // The question's page leads to it.
  await page.goto(`/t/${thread.slug}`);
  await page.getByRole("link", { name: "Synthèse de la question" }).click();
  await expect(page).toHaveURL(`${baseURL}/t/${thread.slug}/synthese`);
  await expect(page).toHaveTitle("Synthèse : Une question à synthétiser · Agora");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/t/${thread.slug}/synthese`);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Une question à synthétiser");
  await expect(region(page, "Le contexte")).toContainText("Contexte.");
  await expect(region(page, "Les positions (3)").getByRole("list", { name: "Décompte des positions" }).getByRole("listitem")).toHaveText([
    "Oui : 1 (33 %)",
    "Non : 2 (67 %)",
    "C’est nuancé : 0 (0 %)",
  ]);
  await expect(region(page, "L’évolution des positions").getByRole("img", { name: "Évolution des positions, par jour" })).toBeVisible();
  // The best arguments of each side, linking to the debate's filtered lists; no point of agreement yet.
  const columns = region(page, "Les arguments").getByRole("region");
  await expect(columns.nth(0)).toContainText("Un argument pour le oui");
  await expect(columns.nth(1)).toContainText("Un argument pour le non");
  await expect(columns.nth(0).getByRole("link", { name: /^Voir l/ })).toHaveAttribute("href", new RegExp(`^/t/${thread.slug}\\?position=\\d+&sort=best#posts-title$`));
  await expect(region(page, "Points d’accord")).toContainText("il lui faut au moins un vote favorable d’un membre de chaque position");
  // What changed minds links to the post on the debate's pages, not to an anchor of this one.
  const moved = region(page, "Ce qui a fait bouger les avis");
  await expect(moved).toContainText("a fait changer d’avis 1 membre");
  await expect(moved.getByRole("link")).toHaveAttribute("href", `/p/${thread.credited}`);

  const figures = region(page, "Les chiffres clés");
  await expect(figures.locator("dt")).toHaveText(["Contributions", "Participants", "Changements de position", "Période"]);
  await expect(figures.locator("dd")).toHaveText(["2 (2 avis, 0 réponse)", "3 membres", "1", `du ${frenchDate(daysAgo(6))} au ${frenchDate(daysAgo(2))}`]);
  // No summary written: no section for it.
  await expect(region(page, "Le bilan de la modération")).toHaveCount(0);

  await expect(page.getByText(`Partager : ${baseURL}/t/${thread.slug}/synthese`)).toBeVisible();
  await expect(page.getByText(/Imprimer\s:\sla commande Imprimer de votre navigateur/)).toBeVisible();
  await page.getByRole("link", { name: "Voir le débat complet" }).click();
  await expect(page).toHaveURL(`${baseURL}/t/${thread.slug}`);
  await page.context().close();
});

test("on paper, the synthesis keeps its sections and drops the site's header, footer, the print hint and the chart's table", async ({ page, request }) => {
  const thread = await questionWithADebate(request);
  await page.goto(`/t/${thread.slug}/synthese`);
  await expect(page.getByRole("banner")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByText(/Imprimer\s:\sla commande Imprimer/)).toBeHidden();
  await expect(region(page, "Les chiffres clés")).toBeVisible();
  await expect(page.getByText(/^Partager\s:\s/)).toBeVisible();
  await expect(page.getByText("Voir les données du graphique")).toBeHidden();
});

test("a closed question's synthesis gives the moderators' summary before the tally", async ({ page, request }) => {
  const thread = await createThread("Une question close avec un bilan", { kind: "POSITION" });
  const moderator = await createMemberViaApi(request, "moderatrice");
  const closedAt = daysAgo(1);
  await withE2eDatabase((db) =>
    db.query(
      `UPDATE threads SET closed_at = $2, closed_by_id = $3, summary = 'Le **bilan**.', summary_html = '<p>Le <strong>bilan</strong>.</p>',
       summary_at = $2, summary_by_id = $3 WHERE id = $1`,
      [thread.id, closedAt, moderator.id],
    ),
  );
  await page.goto(`/t/${thread.slug}/synthese`);
  const summary = region(page, "Le bilan de la modération");
  await expect(summary).toContainText("Le bilan.");
  await expect(summary).toContainText(`Rédigé par ${moderator.name}, le ${frenchDate(closedAt)}`);
  await expect(page.getByText(`question close le ${frenchDate(closedAt)}`)).toBeVisible();
  const headings = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
  expect(headings.indexOf("Le bilan de la modération")).toBeLessThan(headings.indexOf("Les positions (0)"));
  await expectAccessible(page, `/t/${thread.slug}/synthese`);
});

test("the synthesis passes axe, and the JSON API answers the same figures", async ({ page, request }) => {
  const thread = await questionWithADebate(request);
  await expectAccessible(page, `/t/${thread.slug}/synthese`);
  const answer = await request.get(`/api/threads/${thread.id}/synthesis`);
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body.figures).toEqual({
    posts: 2,
    topLevelPosts: 2,
    replies: 0,
    participants: 3,
    positionChanges: 1,
    period: { from: daysAgo(6).toISOString(), to: daysAgo(2).toISOString() },
  });
  expect(body.mindChanges.map((post: { id: number }) => post.id)).toEqual([thread.credited]);
  expect((await request.get("/api/threads/2147483647/synthesis")).status()).toBe(404);
  expect((await request.get("/api/threads/abc/synthesis")).status()).toBe(400);
});
