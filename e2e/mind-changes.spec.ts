// « Ce message m'a fait changer d'avis »: a member picks a post, changes position, and the post
// and the question show it — with JavaScript and without; a moderator voids a credit.
import type { Page } from "@playwright/test";
import { createMemberViaApi, createPost, createThread, setRoleInDatabase, TEST_POSITIONS } from "./factories";
import { withE2eDatabase } from "./database";
import { expect, expectAccessible, pageWithoutJavaScript, signIn, test } from "./fixtures";

const main = (page: Page) => page.getByRole("main");
const [OUI, NON] = TEST_POSITIONS;

/** A question where the member holds « Oui », and another member's argument written before. */
async function scene(request: Parameters<typeof createMemberViaApi>[0], member: { id: number }) {
  const thread = await createThread("Une question où l’on change d’avis", { kind: "POSITION" });
  const author = await createMemberViaApi(request, "convaincant");
  const postId = await createPost(author.id, thread.id, "Les poids seuls ne suffisent pas : il faut les données.", new Date(Date.now() - 60_000));
  await withE2eDatabase((db) =>
    db.query("INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) SELECT $1, $2, id, now() FROM thread_positions WHERE thread_id = $1 AND label = $3", [thread.id, member.id, OUI]),
  );
  return { thread, author, postId };
}

async function expectCredited(page: Page, authorName: string) {
  const post = main(page).getByRole("article", { name: `Contribution de ${authorName}` });
  await expect(post.getByText(`a fait changer d’avis 1 membre`)).toBeVisible();
  await expect(post).toContainText(`1 de «\u202f${OUI}\u202f» vers «\u202f${NON}\u202f»`);
  // Counted once per member: the post no longer offers itself.
  await expect(post.getByRole("link", { name: "Ce message m’a fait changer d’avis" })).toHaveCount(0);
  const section = main(page).getByRole("region", { name: "Ce qui a fait bouger les avis" });
  await expect(section.getByRole("listitem")).toHaveCount(1);
  await expect(section).toContainText("Les poids seuls ne suffisent pas");
}

test("with JavaScript, a member picks the post that convinced them, changes position, and the post says so", async ({ page, member, request }) => {
  const { thread, author, postId } = await scene(request, member);
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  await main(page).getByRole("article", { name: `Contribution de ${author.name}` }).getByRole("link", { name: "Ce message m’a fait changer d’avis" }).click();
  await expect(page).toHaveURL(new RegExp(`convaincu=${postId}#positions$`));
  const panel = main(page).getByRole("region", { name: /Les positions/ });
  const choice = panel.getByRole("group", { name: "Un message vous a fait changer d’avis ?" });
  await expect(choice.getByRole("checkbox", { name: new RegExp(author.name) })).toBeChecked();
  await panel.getByRole("radio", { name: NON, exact: true }).check();
  await panel.getByRole("button", { name: "Enregistrer ma position" }).click();
  await expect(panel.getByRole("status")).toContainText("Votre position est enregistrée, avec les messages qui vous ont fait changer d’avis.");
  await page.reload();
  await expectCredited(page, author.name);
  await expectAccessible(page, `/t/${thread.slug}`);
});

test("with JavaScript, crediting a post without changing position is refused on the form, and nothing is credited", async ({ page, member, request }) => {
  const { thread, author, postId } = await scene(request, member);
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}?convaincu=${postId}#positions`);
  const panel = main(page).getByRole("region", { name: /Les positions/ });
  await panel.getByRole("button", { name: "Enregistrer ma position" }).click();
  await expect(panel.getByRole("alert")).toContainText("Vous n’avez pas changé de position");
  await expect(main(page).getByRole("article", { name: `Contribution de ${author.name}` }).getByText(/^a fait changer d’avis/)).toHaveCount(0);
});

test("without JavaScript, the same: a link picks the post, the form posts, the page comes back with the credit", async ({ browser, member, request }) => {
  const { thread, author } = await scene(request, member);
  const page = await pageWithoutJavaScript(browser, member);
  await page.goto(`/t/${thread.slug}`);
  await main(page).getByRole("article", { name: `Contribution de ${author.name}` }).getByRole("link", { name: "Ce message m’a fait changer d’avis" }).click();
  const panel = main(page).getByRole("region", { name: /Les positions/ });
  await expect(panel.getByRole("checkbox", { name: new RegExp(author.name) })).toBeChecked();
  await panel.getByRole("radio", { name: NON, exact: true }).check();
  await panel.getByRole("button", { name: "Enregistrer ma position" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Votre position est enregistrée, avec les messages qui vous ont fait changer d’avis.");
  await expect(page).not.toHaveURL(/convaincu=/);
  await expectCredited(page, author.name);
});

/** A member's credit of the post, written as the stance form writes it: a change from « Oui » to « Non », then the credit. */
async function creditFrom(threadId: number, memberId: number, postId: number) {
  await withE2eDatabase(async (db) => {
    const position = (label: string) => db.query("SELECT id FROM thread_positions WHERE thread_id = $1 AND label = $2", [threadId, label]).then(({ rows }) => rows[0].id);
    const [oui, non] = [await position(OUI), await position(NON)];
    await db.query("INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING", [threadId, memberId, oui]);
    await db.query("UPDATE thread_stances SET position_id = $3, updated_at = now() WHERE thread_id = $1 AND user_id = $2", [threadId, memberId, non]);
    await db.query(
      `INSERT INTO mind_change_credits (change_id, thread_id, post_id, user_id, from_position_id, to_position_id)
       SELECT id, thread_id, $3, user_id, from_position_id, to_position_id FROM stance_changes WHERE thread_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT 1`,
      [threadId, memberId, postId],
    );
  });
}

test("without JavaScript, a moderator voids a credit from the post's list of credits, and the post's note changes", async ({ browser, member, request }) => {
  const { thread, author, postId } = await scene(request, member);
  const secondAccount = await createMemberViaApi(request, "second-compte");
  await creditFrom(thread.id, member.id, postId);
  await creditFrom(thread.id, secondAccount.id, postId);
  const moderator = await createMemberViaApi(request, "moderateur");
  await setRoleInDatabase(moderator.id, "MODERATOR");

  // Nobody else sees who credited, not even by the address.
  const reader = await pageWithoutJavaScript(browser, member);
  await reader.goto(`/t/${thread.slug}?credits=${postId}#p-${postId}`);
  await expect(main(reader).getByRole("article", { name: `Contribution de ${author.name}` }).getByText("a fait changer d’avis 2 membres")).toBeVisible();
  await expect(main(reader).getByRole("link", { name: "Voir les crédits" })).toHaveCount(0);
  await expect(main(reader).getByRole("region", { name: "Qui a dit que ce message l’a fait changer d’avis" })).toHaveCount(0);
  await expect(main(reader)).not.toContainText(secondAccount.name);

  const page = await pageWithoutJavaScript(browser, moderator);
  await page.goto(`/t/${thread.slug}`);
  const post = main(page).getByRole("article", { name: `Contribution de ${author.name}` });
  await expect(post.getByText("a fait changer d’avis 2 membres")).toBeVisible();
  await post.getByRole("link", { name: "Voir les crédits" }).click();
  const credits = post.getByRole("region", { name: "Qui a dit que ce message l’a fait changer d’avis" });
  await expect(credits.getByRole("listitem")).toHaveCount(2);
  const credit = credits.getByRole("listitem").filter({ hasText: secondAccount.name });
  await expect(credit).toContainText(`de «\u202f${OUI}\u202f» à «\u202f${NON}\u202f»`);
  await expect(credit.getByRole("link", { name: secondAccount.name })).toHaveAttribute("href", `/u/${secondAccount.id}`);
  await credit.getByLabel("Raison").fill("Deux comptes d’un même membre");
  await credit.getByRole("button", { name: "Annuler ce crédit" }).click();

  await expect(page.getByRole("status").first()).toHaveText("Le crédit est annulé : il ne compte plus pour ce message.");
  await expect(post.getByText("a fait changer d’avis 1 membre", { exact: true })).toBeVisible();
  await expect(main(page).getByRole("region", { name: "Ce qui a fait bouger les avis" })).toContainText("a fait changer d’avis 1 membre");
  // The list stays open: the voided credit says so, and offers to restore it.
  await expect(credit).toContainText("annulé le");
  await expect(credit.getByRole("button", { name: "Rétablir" })).toBeVisible();
  await expect(credits.getByRole("listitem").filter({ hasText: member.name }).getByRole("button", { name: "Annuler ce crédit" })).toBeVisible();

  // The open list, as a moderator's browser with its script shows it (axe runs in the page).
  const checked = await (await browser.newContext()).newPage();
  await signIn(checked, moderator);
  await expectAccessible(checked, `/t/${thread.slug}?credits=${postId}#p-${postId}`);
  await expect(main(checked).getByRole("region", { name: "Qui a dit que ce message l’a fait changer d’avis" }).getByRole("button", { name: "Rétablir" })).toBeVisible();
});
