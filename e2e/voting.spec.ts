import { QUESTIONS } from "../prisma/seed/article";
import { createMemberViaApi, createThread } from "./factories";
import { withE2eDatabase } from "./database";
import { expect, signIn, test } from "./fixtures";

const main = (page: import("@playwright/test").Page) => page.getByRole("main");

/** A post by another member, written straight to the database. */
async function postBy(authorId: number, threadId: number, body: string, createdAt = new Date()) {
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      "INSERT INTO posts (thread_id, author_id, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
      [threadId, authorId, body, `<p>${body}</p>`, createdAt],
    );
    return rows[0].id;
  });
}

test("vote on a post: the count changes at once and persists after a reload; pressing again withdraws", async ({ page, member, request }) => {
  const thread = await createThread("Un fil pour voter dans le test");
  const author = await createMemberViaApi(request, "auteur");
  await postBy(author.id, thread.id, "Un argument à soutenir");
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  const post = main(page).getByRole("article", { name: `Contribution de ${author.name}` });
  const up = post.getByRole("button", { name: /^Voter pour/ });
  await expect(up).toHaveAttribute("aria-pressed", "false");
  // The count moves before the server answers (optimistic): wait for the answer before reloading.
  const saved = page.waitForResponse((response) => response.url().endsWith("/vote") && response.status() === 200);
  await up.click();
  await expect(up).toHaveAccessibleName("Voter pour (1)");
  await saved;
  await expect(up).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(up).toHaveAccessibleName("Voter pour (1)");
  await expect(up).toHaveAttribute("aria-pressed", "true");
  // Keyboard: focus and press Enter to withdraw.
  await up.focus();
  const withdrawn = page.waitForResponse((response) => response.url().endsWith("/vote") && response.status() === 200);
  await page.keyboard.press("Enter");
  await expect(up).toHaveAccessibleName("Voter pour (0)");
  await withdrawn;
  await page.reload();
  await expect(up).toHaveAttribute("aria-pressed", "false");
});

test("an anonymous reader sees the counts and is invited to sign in to vote", async ({ page, request }) => {
  const thread = await createThread("Un fil lu sans compte dans le test");
  const author = await createMemberViaApi(request, "lu");
  await postBy(author.id, thread.id, "Un argument lu");
  await page.goto(`/t/${thread.slug}`);
  const post = main(page).getByRole("article", { name: `Contribution de ${author.name}` });
  await expect(post.getByRole("button", { name: "Voter pour (0)" })).toBeDisabled();
  await expect(post.getByRole("link", { name: "Connectez-vous pour voter" })).toBeVisible();
});

test("take a stance: the bar and counts move, the badge appears on one's posts", async ({ page, member }) => {
  await signIn(page, member);
  await page.goto(`/t/${QUESTIONS[2].slug}`);
  const panel = main(page).getByRole("region", { name: /Les positions/ });
  const before = await panel.getByRole("heading").textContent();
  const total = Number(before!.match(/\((\d+)\)/)![1]);
  await panel.getByRole("button", { name: "d’accord", exact: true }).click();
  await expect(panel.getByRole("heading")).toHaveText(`Les positions (${total + 1})`);
  await expect(panel.getByRole("button", { name: "d’accord", exact: true })).toHaveAttribute("aria-pressed", "true");
  await panel.getByRole("button", { name: "mitigé" }).click();
  await expect(panel.getByRole("button", { name: "mitigé" })).toHaveAttribute("aria-pressed", "true");
  await expect(panel.getByRole("button", { name: "d’accord", exact: true })).toHaveAttribute("aria-pressed", "false");
  await expect(panel.getByRole("heading")).toHaveText(`Les positions (${total + 1})`);

  await main(page).getByLabel("Votre contribution (Markdown)").fill("Mon avis est nuancé.");
  await main(page).getByRole("button", { name: "Publier", exact: true }).click();
  await expect(main(page).getByRole("article", { name: `Contribution de ${member.name}` }).getByText("mitigé")).toBeVisible();

  await page.reload();
  await expect(panel.getByRole("button", { name: "mitigé" })).toHaveAttribute("aria-pressed", "true");
  await panel.getByRole("button", { name: "mitigé" }).click();
  await expect(panel.getByRole("heading")).toHaveText(`Les positions (${total})`);
});

test("switch sorts: the order follows the votes, and the choice stays in the address", async ({ page, request }) => {
  const thread = await createThread("Un fil pour trier dans le test");
  const author = await createMemberViaApi(request, "trie");
  const old = await postBy(author.id, thread.id, "Le plus ancien, peu soutenu", new Date(Date.now() - 3_600_000));
  const loved = await postBy(author.id, thread.id, "Le plus soutenu", new Date(Date.now() - 1_800_000));
  await withE2eDatabase((db) => db.query("UPDATE posts SET upvotes = 25 WHERE id = $1", [loved]));
  await postBy(author.id, thread.id, "Le plus récent");
  await page.goto(`/t/${thread.slug}`);
  const bodies = main(page).getByRole("article").locator(".prose-agora");
  await expect(bodies.first()).toHaveText("Le plus soutenu");
  await main(page).getByRole("navigation", { name: "Trier" }).getByRole("link", { name: "Les plus anciennes" }).click();
  await expect(page).toHaveURL(/sort=old/);
  await expect(bodies.first()).toHaveText("Le plus ancien, peu soutenu");
  await expect(main(page).getByRole("link", { name: "Les plus anciennes" })).toHaveAttribute("aria-current", "page");
  await main(page).getByRole("navigation", { name: "Trier" }).getByRole("link", { name: "Les plus récentes" }).click();
  await expect(bodies.first()).toHaveText("Le plus récent");
  expect(old).toBeGreaterThan(0);
});

test("a refused vote is rolled back, with the server's reason", async ({ page, member, request }) => {
  const thread = await createThread("Un fil pour un vote refusé dans le test");
  const author = await createMemberViaApi(request, "refus");
  await postBy(author.id, thread.id, "Un argument");
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  // Suspended after the page was loaded: the next request is refused.
  await withE2eDatabase((db) => db.query("UPDATE users SET suspended_at = now() WHERE id = $1", [member.id]));
  const post = main(page).getByRole("article", { name: `Contribution de ${author.name}` });
  await post.getByRole("button", { name: /^Voter pour/ }).click();
  await expect(post.getByRole("status")).toContainText("suspendu");
  await expect(post.getByRole("button", { name: /^Voter pour/ })).toHaveAccessibleName("Voter pour (0)");
  await expect(post.getByRole("button", { name: /^Voter pour/ })).toHaveAttribute("aria-pressed", "false");
});

test("the thread list tells what readers said: a member's question its score, a position question its stances", async ({ page, request }) => {
  const thread = await createThread("Une question de membre notée pour le test");
  const author = await createMemberViaApi(request, "proposant");
  await withE2eDatabase((db) => db.query("UPDATE threads SET author_id = $1, upvotes = 3, downvotes = 1 WHERE id = $2", [author.id, thread.id]));
  await page.goto("/?sort=new");
  const item = (title: string) => main(page).getByRole("listitem").filter({ hasText: title });
  await expect(item("Une question de membre notée pour le test")).toContainText("score +2 (3 pour, 1 contre)");
  const position = QUESTIONS.find((question) => question.kind === "POSITION")!;
  await expect(item(position.title)).toContainText(/\d+ prises? de position/);
  const open = QUESTIONS.find((question) => question.kind === "OPEN")!;
  await expect(item(open.title)).not.toContainText(/score|position/);
});
