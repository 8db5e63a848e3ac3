// How minds moved on a position question: a chart drawn on the server, named and described for
// screen readers, with its numbers in a table that opens without JavaScript; the same series
// from the JSON API.
import type { Page } from "@playwright/test";
import { createQuestionThatMoved, createThread, noonDaysAgo as daysAgo } from "./factories";
import { expect, expectAccessible, expectAccessibleAsShown, pageWithoutJavaScript, signIn, test } from "./fixtures";

const frenchDay = (date: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "UTC" }).format(date);

const historyOf = (page: Page) => page.getByRole("main").getByRole("region", { name: "L’évolution des positions" });

/** A question where three members moved over a week: two say « Oui », then one of them and a third say « Non ». */
const questionThatMoved = async (request: Parameters<typeof createQuestionThatMoved>[0]) =>
  (await createQuestionThatMoved(request, "Une question dont les avis ont bougé", "historique")).thread;

test("a position question shows how its tally moved, and the numbers as a table", async ({ page, request }) => {
  const thread = await questionThatMoved(request);
  await page.goto(`/t/${thread.slug}`);
  const history = historyOf(page);
  const chart = history.getByRole("img", { name: "Évolution des positions, par jour" });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(
    `Du ${frenchDay(daysAgo(6))} au ${frenchDay(daysAgo(0))} : « Oui » passe de 2 à 1 membre, « Non » passe de 0 à 2 membres, « C’est nuancé » reste à 0 membre.`,
  );
  await expect(history.getByRole("list", { name: "Légende du graphique" }).getByRole("listitem")).toHaveText(["Oui", "Non", "C’est nuancé"]);
  // The chart's last day is the tally the panel above shows.
  await expect(page.getByRole("list", { name: "Décompte des positions" })).toContainText("Oui : 1 (33 %)");

  const table = history.getByRole("table", { name: "Nombre de membres par position à la fin de chaque jour" });
  await expect(table).toBeHidden();
  await history.getByText("Voir les données du graphique").click();
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["Jour", "Oui", "Non", "C’est nuancé"]);
  const rows = table.getByRole("rowgroup").last().getByRole("row");
  await expect(rows).toHaveCount(7);
  await expect(rows.first().getByRole("rowheader")).toHaveText(frenchDay(daysAgo(6)));
  await expect(rows.first().getByRole("cell")).toHaveText(["2", "0", "0"]);
  await expect(rows.nth(2).getByRole("cell")).toHaveText(["2", "1", "0"]);
  await expect(rows.last().getByRole("rowheader")).toHaveText(frenchDay(daysAgo(0)));
  await expect(rows.last().getByRole("cell")).toHaveText(["1", "2", "0"]);
  await expectAccessibleAsShown(page);
  await expectAccessible(page, `/t/${thread.slug}`);
});

test("without JavaScript, the chart is there and its table opens", async ({ browser, request }) => {
  const thread = await questionThatMoved(request);
  const page = await pageWithoutJavaScript(browser);
  await page.goto(`/t/${thread.slug}`);
  const history = historyOf(page);
  await expect(history.getByRole("img", { name: "Évolution des positions, par jour" })).toBeVisible();
  await history.getByText("Voir les données du graphique").click();
  const rows = history.getByRole("table").getByRole("rowgroup").last().getByRole("row");
  await expect(rows).toHaveCount(7);
  await expect(rows.last().getByRole("cell")).toHaveText(["1", "2", "0"]);
  await page.context().close();
});

test("a question nobody took a stance on has no chart until the first stance", async ({ page, member }) => {
  const thread = await createThread("Une question sans avis encore", { kind: "POSITION" });
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  await expect(page.getByRole("region", { name: /Les positions/ })).toBeVisible();
  await expect(historyOf(page)).toHaveCount(0);

  const panel = page.getByRole("region", { name: /Les positions/ });
  await panel.getByRole("radio", { name: "Oui", exact: true }).check();
  await panel.getByRole("button", { name: "Enregistrer ma position" }).click();
  await expect(panel.getByRole("heading")).toHaveText("Les positions (1)");
  const chart = historyOf(page).getByRole("img", { name: "Évolution des positions, par jour" });
  await expect(chart).toHaveAccessibleDescription(`Le ${frenchDay(daysAgo(0))} : « Oui » compte 1 membre, « Non » compte 0 membre, « C’est nuancé » compte 0 membre.`);
});

test("the JSON API gives the series, refuses a bad granularity in French, and other methods", async ({ request }) => {
  const thread = await questionThatMoved(request);
  const path = `/api/threads/${thread.id}/positions/history`;
  const answer = await request.get(path);
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body.granularity).toBe("day");
  expect(body.positions.map((position: { label: string }) => position.label)).toEqual(["Oui", "Non", "C’est nuancé"]);
  expect(body.points).toHaveLength(7);
  expect(Object.values(body.points.at(-1).counts)).toEqual([1, 2, 0]);

  expect((await (await request.get(`${path}?granularity=week`)).json()).granularity).toBe("week");
  const refused = await request.get(`${path}?granularity=month`);
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.issues[0]).toEqual({ path: "granularity", message: expect.stringContaining("granularity vaut day") });
  for (const id of ["0", "abc", String(2 ** 40)]) expect((await request.get(`/api/threads/${id}/positions/history`)).status(), id).toBe(400);
  expect((await request.get("/api/threads/2147483647/positions/history")).status()).toBe(404);
  expect((await request.post(path, { data: {} })).status()).toBe(405);
});
