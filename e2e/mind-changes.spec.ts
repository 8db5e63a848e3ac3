// « Ce message m'a fait changer d'avis »: a member picks a post, changes position, and the post
// and the question show it — with JavaScript and without.
import type { Page } from "@playwright/test";
import { createMemberViaApi, createPost, createThread, TEST_POSITIONS } from "./factories";
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
