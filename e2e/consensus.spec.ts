// What both sides endorse: « Points d'accord » shows the post every camp up-voted, with its votes
// by position, and « Approuvées par tous les camps » orders the list by consensus — without
// JavaScript, and accessible.
import { createMemberViaApi, createPost, createThread, TEST_POSITIONS } from "./factories";
import { withE2eDatabase } from "./database";
import { expect, expectAccessible, pageWithoutJavaScript, test } from "./fixtures";

test("a post up-voted by every camp is a point of agreement, and the consensus sort puts it first", async ({ browser, page: withJavaScript, request }) => {
  test.setTimeout(120_000);
  const thread = await createThread("Une question où les camps s’accordent", { kind: "POSITION" });
  const [agreedAuthor, partisanAuthor, quietAuthor] = [
    await createMemberViaApi(request, "rassembleur"),
    await createMemberViaApi(request, "partisan"),
    await createMemberViaApi(request, "discret"),
  ];
  const agreed = await createPost(agreedAuthor.id, thread.id, "Publier les données d’entraînement servirait tout le monde.", new Date(Date.now() - 120_000));
  const partisan = await createPost(partisanAuthor.id, thread.id, "Seul mon camp a raison.", new Date(Date.now() - 60_000));
  await createPost(quietAuthor.id, thread.id, "Un avis que personne n’a noté.");
  // One voter per position (the triggers count each vote under its voter's position).
  const voters = await Promise.all(TEST_POSITIONS.map(() => createMemberViaApi(request, "votant")));
  await withE2eDatabase(async (db) => {
    for (const [ord, voter] of voters.entries()) {
      await db.query("INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) SELECT $1, $2, id, now() FROM thread_positions WHERE thread_id = $1 AND ord = $3", [thread.id, voter.id, ord]);
      await db.query("INSERT INTO post_votes (post_id, user_id, value, updated_at) VALUES ($1, $2, 1, now())", [agreed, voter.id]);
    }
    await db.query("INSERT INTO post_votes (post_id, user_id, value, updated_at) VALUES ($1, $2, 1, now()), ($1, $3, -1, now())", [partisan, voters[0].id, voters[1].id]);
  });

  const page = await pageWithoutJavaScript(browser);
  await page.goto(`/t/${thread.slug}`);
  const block = page.getByRole("main").getByRole("region", { name: "Points d’accord" });
  const points = block.getByRole("list").first().locator(":scope > li");
  await expect(points).toHaveCount(1);
  await expect(points.first()).toContainText("Publier les données d’entraînement servirait tout le monde.");
  await expect(points.first().getByRole("link", { name: new RegExp(`^${agreedAuthor.name}, le `) })).toHaveAttribute("href", `/t/${thread.slug}/c/${agreed}#p-${agreed}`);
  const votes = points.first().getByRole("list", { name: "Votes par position" }).getByRole("listitem");
  await expect(votes).toHaveText(TEST_POSITIONS.map((label) => `${label}\u202f: 1 pour, 0 contre`));
  await expect(block).not.toContainText("Seul mon camp a raison.");

  await block.getByRole("link", { name: "Toutes, par consensus" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${thread.slug}\\?sort=consensus$`));
  await expect(page.getByRole("navigation", { name: "Trier" }).getByRole("link", { name: "Approuvées par tous les camps" })).toHaveAttribute("aria-current", "page");
  // (2/3)³ for the post every camp approved, 1/8 unvoted, (2/3)(1/3)(1/2) for the partisan one.
  await expect(page.getByRole("main").getByRole("article")).toHaveText([/tout le monde/, /personne n’a noté/, /Seul mon camp/]);

  await page.context().close();
  // axe runs as a script: in a browser with JavaScript, on the same pages.
  await expectAccessible(withJavaScript, `/t/${thread.slug}`);
  await expectAccessible(withJavaScript, `/t/${thread.slug}?sort=consensus`);
});

test("a question no post has won every camp over says what a point of agreement takes; an open question offers no consensus sort", async ({ browser }) => {
  const question = await createThread("Une question sans accord", { kind: "POSITION" });
  const open = await createThread("Une question ouverte sans camps");
  const page = await pageWithoutJavaScript(browser);
  await page.goto(`/t/${question.slug}`);
  await expect(page.getByRole("region", { name: "Points d’accord" })).toContainText("il lui faut au moins un vote favorable d’un membre de chaque position");
  await expect(page.getByRole("navigation", { name: "Trier" }).getByRole("link", { name: "Approuvées par tous les camps" })).toHaveCount(1);
  // An open question has no camps: no block, no sort, and its address falls back to the default sort.
  await page.goto(`/t/${open.slug}?sort=consensus`);
  await expect(page.getByRole("region", { name: "Points d’accord" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Trier" }).getByRole("link", { name: "Approuvées par tous les camps" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Trier" }).getByRole("link", { name: "Les meilleures" })).toHaveAttribute("aria-current", "page");
  await page.context().close();
});
