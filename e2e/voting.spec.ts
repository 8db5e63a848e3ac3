import { QUESTIONS } from "../prisma/seed/article";
import { createMemberViaApi, createPost, createThread } from "./factories";
import { withE2eDatabase } from "./database";
import { expect, signIn, test } from "./fixtures";

const main = (page: import("@playwright/test").Page) => page.getByRole("main");

/** The member's vote on a post, as the database holds it. */
const voteOf = (postId: number, userId: number) =>
  withE2eDatabase(async (db) => (await db.query("SELECT value FROM post_votes WHERE post_id = $1 AND user_id = $2", [postId, userId])).rows[0]?.value ?? 0);

test("vote on a post: the count changes at once and persists after a reload; pressing again withdraws", async ({ page, member, request }) => {
  const thread = await createThread("Un fil pour voter dans le test");
  const author = await createMemberViaApi(request, "auteur");
  const postId = await createPost(author.id, thread.id, "Un argument à soutenir");
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  const post = main(page).getByRole("article", { name: `Contribution de ${author.name}` });
  const up = post.getByRole("button", { name: /^Pour \d+ — / });
  await expect(up).toHaveAttribute("aria-pressed", "false");
  await up.click();
  // The count moves before the server answers (optimistic): wait for the vote to be stored before reloading.
  await expect(up).toHaveAccessibleName(`Pour 1 — contribution de ${author.name}`);
  await expect.poll(() => voteOf(postId, member.id)).toBe(1);
  await expect(up).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(up).toHaveAccessibleName(`Pour 1 — contribution de ${author.name}`);
  await expect(up).toHaveAttribute("aria-pressed", "true");
  // Keyboard: focus and press Enter to withdraw.
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(up).toHaveAccessibleName(`Pour 0 — contribution de ${author.name}`);
  await expect.poll(() => voteOf(postId, member.id)).toBe(0);
  await page.reload();
  await expect(up).toHaveAttribute("aria-pressed", "false");
});

test("an anonymous reader sees the counts; a click on a vote shows one invitation to sign in, beside it", async ({ page, request }) => {
  const thread = await createThread("Un fil lu sans compte dans le test");
  const author = await createMemberViaApi(request, "lu");
  const other = await createMemberViaApi(request, "autre");
  await createPost(author.id, thread.id, "Un argument lu");
  await createPost(other.id, thread.id, "Un autre argument lu");
  await page.goto(`/t/${thread.slug}`);
  const post = main(page).getByRole("article", { name: `Contribution de ${author.name}` });
  const otherPost = main(page).getByRole("article", { name: `Contribution de ${other.name}` });
  const invitation = main(page).getByRole("link", { name: "Connectez-vous pour voter" });
  await expect(post.getByRole("button", { name: `Contre 0 — contribution de ${author.name}` })).toBeVisible();
  await expect(invitation).toHaveCount(0);
  await post.getByRole("button", { name: `Pour 0 — contribution de ${author.name}` }).click();
  await expect(post.getByRole("link", { name: "Connectez-vous pour voter" })).toBeFocused();
  await otherPost.getByRole("button", { name: `Contre 0 — contribution de ${other.name}` }).click();
  await expect(otherPost.getByRole("link", { name: "Connectez-vous pour voter" })).toBeFocused();
  await expect(invitation).toHaveCount(1);
  await invitation.click();
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
});

test("take a stance: the bar and counts move, the badge appears on one's posts", async ({ page, member }) => {
  await signIn(page, member);
  await page.goto(`/t/${QUESTIONS[2].slug}`);
  const panel = main(page).getByRole("region", { name: /Les positions/ });
  const radio = (name: string) => panel.getByRole("radio", { name, exact: true });
  const save = () => panel.getByRole("button", { name: "Enregistrer ma position" }).click();
  const before = await panel.getByRole("heading").textContent();
  const total = Number(before!.match(/\((\d+)\)/)![1]);
  await radio("Libre et ouvert diffèrent").check();
  await save();
  await expect(panel.getByRole("heading")).toHaveText(`Les positions (${total + 1})`);
  await expect(radio("Libre et ouvert diffèrent")).toBeChecked();
  await radio("Cela dépend").check();
  await save();
  await expect(panel.getByRole("status")).toContainText("Votre position est enregistrée.");
  await expect(radio("Cela dépend")).toBeChecked();
  await expect(radio("Libre et ouvert diffèrent")).not.toBeChecked();
  await expect(panel.getByRole("heading")).toHaveText(`Les positions (${total + 1})`);

  await main(page).getByLabel("Votre contribution (Markdown)").fill("Mon avis est nuancé.");
  await main(page).getByRole("button", { name: "Publier", exact: true }).click();
  await expect(main(page).getByRole("article", { name: `Contribution de ${member.name}` }).getByText("position de l’auteur : Cela dépend")).toBeVisible();

  await page.reload();
  await expect(radio("Cela dépend")).toBeChecked();
  await radio("sans position").check();
  await save();
  await expect(panel.getByRole("heading")).toHaveText(`Les positions (${total})`);
});

test("switch sorts: the order follows the votes, and the choice stays in the address", async ({ page, request }) => {
  const thread = await createThread("Un fil pour trier dans le test");
  const author = await createMemberViaApi(request, "trie");
  const old = await createPost(author.id, thread.id, "Le plus ancien, peu soutenu", new Date(Date.now() - 3_600_000));
  const loved = await createPost(author.id, thread.id, "Le plus soutenu", new Date(Date.now() - 1_800_000));
  await withE2eDatabase((db) => db.query("UPDATE posts SET upvotes = 25 WHERE id = $1", [loved]));
  await createPost(author.id, thread.id, "Le plus récent");
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
  await createPost(author.id, thread.id, "Un argument");
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  // Suspended after the page was loaded: the next request is refused.
  await withE2eDatabase((db) => db.query("UPDATE users SET suspended_at = now() WHERE id = $1", [member.id]));
  const post = main(page).getByRole("article", { name: `Contribution de ${author.name}` });
  const up = post.getByRole("button", { name: /^Pour \d+ — / });
  await up.click();
  await expect(post.getByRole("alert")).toContainText("suspendu");
  await expect(post.getByRole("alert")).toBeFocused();
  await expect(up).toHaveAccessibleName(`Pour 0 — contribution de ${author.name}`);
  await expect(up).toHaveAttribute("aria-pressed", "false");
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
