// Closing a question (issue 14): without JavaScript, a moderator writes the closing summary and
// closes the question; a member then reads the closing notice and the summary first, the final
// tally, and finds nothing left to change; the summary's history keeps the text a rewrite replaced;
// reopening gives the question back; the moderation log tells the three actions in sentences.
import type { Locator, Page } from "@playwright/test";
import { withE2eDatabase } from "./database";
import { createMemberViaApi, createPost, createThread, setRoleInDatabase } from "./factories";
import { expect, expectAccessible, pageWithoutJavaScript, signIn, test } from "./fixtures";

const notice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });
const closedAt = (id: number) => withE2eDatabase(async (db) => (await db.query("SELECT closed_at FROM threads WHERE id = $1", [id])).rows[0].closed_at as Date | null);

/** Whether `first` starts above `second` on the page. */
async function expectAbove(first: Locator, second: Locator) {
  const [a, b] = [await first.boundingBox(), await second.boundingBox()];
  expect(a!.y).toBeLessThan(b!.y);
}

test("without JavaScript, a moderator sums up and closes a question; a member reads it final; the summary keeps its history; reopening; the log", async ({ browser, request }) => {
  test.slow();
  const title = `Une question à clore sans script ${Date.now()}`;
  const thread = await createThread(title, { kind: "POSITION" });
  const author = await createMemberViaApi(request, "autrice");
  await createPost(author.id, thread.id, "Un argument écrit avant la clôture");
  const member = await createMemberViaApi(request, "lecteur");
  await withE2eDatabase((db) =>
    db.query("INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) SELECT $1, $2, id, now() FROM thread_positions WHERE thread_id = $1 AND ord = 0", [thread.id, member.id]),
  );
  const moderator = await createMemberViaApi(request, "moderatrice");
  await setRoleInDatabase(moderator.id, "MODERATOR");

  // The moderator writes the summary, then closes the question with a reason.
  const page = await pageWithoutJavaScript(browser, moderator);
  await page.goto(`/t/${thread.slug}`);
  const tools = page.getByRole("main").getByRole("group", { name: "Modération du fil" });
  await tools.getByRole("link", { name: "Écrire la synthèse de clôture" }).click();
  await expect(page).toHaveURL(/ouvrir=synthese#moderation-du-fil$/);
  await tools.getByLabel("Synthèse de la modération (Markdown)").fill("Les deux camps **s’accordent** sur la licence.");
  await tools.getByRole("button", { name: "Enregistrer la synthèse" }).click();
  await expect(notice(page, "La synthèse de clôture est enregistrée.")).toBeVisible();
  await tools.getByRole("link", { name: "Clore la question" }).click();
  await expect(page).toHaveURL(/ouvrir=clore#moderation-du-fil$/);
  await tools.getByLabel("Raison (facultative)").fill("Le débat a fait le tour");
  await tools.getByRole("button", { name: /clore la question$/ }).click();
  await expect(notice(page, "La question est close")).toBeVisible();
  expect(await closedAt(thread.id)).not.toBeNull();
  await expect(tools.getByRole("link", { name: "Rouvrir la question" })).toBeVisible();

  // A member: the notice and the summary first, under the title; the final tally; nothing to change.
  const reader = await pageWithoutJavaScript(browser, member);
  await reader.goto(`/t/${thread.slug}`);
  const main = reader.getByRole("main");
  const closing = main.getByText(/^Question close le .+ les positions sont définitives\.$/);
  const summary = main.getByRole("region", { name: "Synthèse de la modération" });
  await expect(closing).toBeVisible();
  await expect(summary).toContainText("Les deux camps s’accordent sur la licence.");
  await expect(summary.locator("strong")).toHaveText("s’accordent");
  await expect(summary).toContainText(`Écrite par ${moderator.name}`);
  await expectAbove(main.getByRole("heading", { level: 1 }), closing);
  await expectAbove(closing, summary);
  await expectAbove(summary, main.getByRole("region", { name: "Le contexte" }));
  const tally = main.getByRole("region", { name: /^Résultat final/ });
  await expect(tally).toBeVisible();
  await expect(tally.getByRole("radio")).toHaveCount(0);
  await expect(tally.getByRole("button")).toHaveCount(0);
  await expect(main.getByRole("textbox")).toHaveCount(0);
  await expect(main.getByRole("link", { name: "Participer au débat" })).toHaveCount(0);
  await expect(main.getByRole("region", { name: "Votre avis" })).toContainText(/Cette question est close.+elle ne prend plus de contributions/);
  const post = main.getByRole("article", { name: `Contribution de ${author.name}` });
  await expect(post.locator("button[disabled]")).toHaveCount(2);
  await expect(post.locator("button[disabled]").first()).toHaveAttribute("title", /Cette question est close.+les votes sont définitifs/);
  await expect(post.getByRole("link", { name: "Répondre" })).toHaveCount(0);
  // The closed page as the member's browser with its script shows it (axe runs in the page).
  const checked = await (await browser.newContext()).newPage();
  await signIn(checked, member);
  await expectAccessible(checked, `/t/${thread.slug}`);

  // The moderator rewrites it; the history, opened by a link, keeps the first text.
  await tools.getByRole("link", { name: "Réécrire la synthèse de clôture" }).click();
  await expect(tools.getByLabel("Synthèse de la modération (Markdown)")).toHaveValue("Les deux camps **s’accordent** sur la licence.");
  await tools.getByLabel("Synthèse de la modération (Markdown)").fill("Accord sur la licence, désaccord sur les données.");
  await tools.getByRole("button", { name: "Enregistrer la synthèse" }).click();
  await expect(notice(page, "La synthèse de clôture est enregistrée.")).toBeVisible();
  await reader.goto(`/t/${thread.slug}`);
  await expect(summary).toContainText("Accord sur la licence, désaccord sur les données.");
  await summary.getByRole("link", { name: "Historique de la synthèse" }).click();
  await expect(reader).toHaveURL(/ouvrir=historique-synthese#synthese$/);
  const history = summary.getByRole("region", { name: "Historique de la synthèse" });
  await expect(history).toContainText("Les deux camps s’accordent sur la licence.");
  await expect(history).toContainText(`par ${moderator.name}`);
  await expectAccessible(checked, `/t/${thread.slug}?ouvrir=historique-synthese`, ["light"]);

  // Reopened, the question takes contributions again; the summary stays.
  await tools.getByRole("link", { name: "Rouvrir la question" }).click();
  await tools.getByRole("button", { name: /rouvrir la question$/ }).click();
  await expect(notice(page, "La question est rouverte")).toBeVisible();
  expect(await closedAt(thread.id)).toBeNull();
  await reader.goto(`/t/${thread.slug}`);
  await expect(main.getByText(/^Question close le/)).toHaveCount(0);
  await expect(main.getByRole("region", { name: "Synthèse de la modération" })).toBeVisible();
  await expect(main.getByRole("region", { name: /^Les positions/ }).getByRole("radio")).not.toHaveCount(0);
  await expect(main.getByRole("region", { name: "Votre avis" }).getByRole("textbox")).toBeVisible();

  // The moderation log, in sentences.
  await page.goto("/moderation/log");
  const entries = page.getByRole("main").getByRole("listitem").filter({ hasText: title });
  await expect(entries).toHaveText([
    new RegExp(`${moderator.name} a rouvert le fil « ${title} »\\.`),
    new RegExp(`${moderator.name} a réécrit la synthèse de clôture du fil « ${title} »\\.`),
    new RegExp(`${moderator.name} a clos le fil « ${title} » : « Le débat a fait le tour »\\.`),
    new RegExp(`${moderator.name} a écrit la synthèse de clôture du fil « ${title} »\\.`),
  ]);
});
