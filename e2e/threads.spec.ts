import { POST_PAGE_SIZE, REPLIES_PER_CONVERSATION } from "../lib/schemas/post";
import { withE2eDatabase } from "./database";
import { createConversation, createMemberViaApi, createThread } from "./factories";
import { expect, signIn, test } from "./fixtures";

test("a thread nobody has answered says so honestly", async ({ page }) => {
  const thread = await createThread("Un fil encore vide pour le test");
  await page.goto(`/t/${thread.slug}`);
  await expect(page.getByRole("main").getByText("Personne n’a encore donné son avis sur cette question.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "0 opinion" })).toBeVisible();
});

test("a locked thread says so and offers no composer", async ({ page, member }) => {
  const thread = await createThread("Un fil verrouillé pour le test", { isLocked: true });
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  await expect(page.getByRole("main").getByText("Ce fil est verrouillé : il ne prend plus de nouvelles contributions.")).toBeVisible();
  await expect(page.getByRole("main").getByLabel("Votre contribution (Markdown)")).toHaveCount(0);
});

test("replies nest three levels deep; deeper ones line up and say whom they answer", async ({ page, request }) => {
  const thread = await createThread("Une longue conversation pour le test");
  const author = await createMemberViaApi(request, "profond");
  await withE2eDatabase(async (db) => {
    let parent: number | null = null;
    let root: number | null = null;
    for (let depth = 0; depth <= 4; depth += 1) {
      const inserted = await db.query<{ id: number }>(
        `INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [thread.id, author.id, parent, root, depth, `Niveau ${depth}`, `<p>Niveau ${depth}</p>`],
      );
      const id: number = inserted.rows[0].id;
      root ??= id;
      parent = id;
    }
  });
  await page.goto(`/t/${thread.slug}`);
  const levels = page.getByRole("main").getByRole("article");
  await expect(levels).toHaveCount(5);
  const left = async (index: number) => (await levels.nth(index).boundingBox())!.x;
  expect(await left(1)).toBeGreaterThan(await left(0));
  expect(await left(3)).toBeGreaterThan(await left(2));
  expect(await left(4)).toBe(await left(3));
  await expect(levels.nth(4).getByRole("link", { name: `en réponse à @${author.name}` })).toHaveAttribute("href", /#p-\d+$/);
  await expect(levels.nth(3).getByRole("link", { name: /en réponse à/ })).toHaveCount(0);
});

test(`a long thread loads ${POST_PAGE_SIZE} conversations at a time, then more on demand`, async ({ page, request }) => {
  const thread = await createThread("Un fil très fréquenté pour le test");
  const author = await createMemberViaApi(request, "bavard");
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO posts (thread_id, author_id, body, body_html, created_at)
       SELECT $1, $2, 'Avis ' || n, '<p>Avis ' || n || '</p>', now() - interval '1 hour' + n * interval '1 second'
       FROM generate_series(1, $3) AS n`,
      [thread.id, author.id, POST_PAGE_SIZE + 10],
    ),
  );
  await page.goto(`/t/${thread.slug}?sort=old`);
  const posts = page.getByRole("main").getByRole("article");
  await expect(posts).toHaveCount(POST_PAGE_SIZE);
  await expect(posts.first()).toContainText("Avis 1");
  await page.getByRole("link", { name: "Voir plus de contributions" }).click();
  await expect(posts).toHaveCount(POST_PAGE_SIZE + 10);
  await expect(posts.last()).toContainText(`Avis ${POST_PAGE_SIZE + 10}`);
  await expect(page.getByRole("link", { name: "Voir plus de contributions" })).toHaveCount(0);
});

test(`a long conversation shows its first ${REPLIES_PER_CONVERSATION} replies, then the rest on demand`, async ({ page, request }) => {
  const thread = await createThread("Une conversation sans fin pour le test");
  const author = await createMemberViaApi(request, "inepuisable");
  const replies = REPLIES_PER_CONVERSATION + POST_PAGE_SIZE + 3;
  await createConversation(thread.id, author.id, replies);
  await page.goto(`/t/${thread.slug}`);
  const posts = page.getByRole("main").getByRole("article");
  const more = page.getByRole("link", { name: "Voir la suite de la conversation" });
  await expect(posts).toHaveCount(1 + REPLIES_PER_CONVERSATION);
  // The rest comes a page at a time, in order.
  await more.click();
  await expect(posts).toHaveCount(1 + REPLIES_PER_CONVERSATION + POST_PAGE_SIZE);
  await more.click();
  await expect(posts).toHaveCount(1 + replies);
  await expect(posts.last()).toContainText(`Réponse ${replies}`);
  await expect(page.getByRole("link", { name: "Voir la suite de la conversation" })).toHaveCount(0);
});

test("opening a thread prefetches the site's few links, none repeated per post or per sort", async ({ page, request }) => {
  const thread = await createThread("Un fil aux nombreux auteurs pour le test");
  const authors = await Promise.all(["un", "deux", "trois"].map((name) => createMemberViaApi(request, `auteur-${name}`)));
  // One statement: a pg client runs one query at a time.
  await withE2eDatabase((db) =>
    db.query("INSERT INTO posts (thread_id, author_id, body, body_html) SELECT $1, unnest($2::int[]), 'Un avis', '<p>Un avis</p>'", [
      thread.id,
      authors.map((author) => author.id),
    ]),
  );
  const prefetched: string[] = [];
  page.on("request", (sent) => {
    if (new URL(sent.url()).searchParams.has("_rsc")) prefetched.push(sent.url());
  });
  await page.goto(`/t/${thread.slug}`);
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(3);
  // Prefetching has run once the header's link to the article is prefetched.
  await expect.poll(() => prefetched.some((url) => new URL(url).pathname === "/article")).toBe(true);
  await page.waitForLoadState("networkidle");
  expect(prefetched.filter((url) => /\/u\/\d+|%23p-|sort=/.test(url))).toEqual([]);
});
