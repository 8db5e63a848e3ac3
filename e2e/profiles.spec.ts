// A profile shows what the member wrote as readers see it (excerpts of the rendered text, never
// its Markdown), with counts, and a link to each post.
import { createThread } from "./factories";
import { withE2eDatabase } from "./database";
import { expect, expectAccessible, test } from "./fixtures";
import { renderMarkdownUnbounded } from "../lib/markdown/pipeline.mjs";

test("a profile shows excerpts of the rendered posts, the counts of posts and votes received, and links to each post", async ({ page, member }) => {
  const thread = await createThread("Un fil pour les extraits du profil");
  const posts = [
    { body: "Un **avis** tranché, [sourcé](https://example.org) : voilà.", upvotes: 3, downvotes: 1, hidden: false, age: 2 },
    { body: "> Une citation\n\nEt `du code` ensuite", upvotes: 1, downvotes: 0, hidden: false, age: 1 },
    // Hidden by moderation: neither shown nor counted.
    { body: "Un avis masqué", upvotes: 7, downvotes: 0, hidden: true, age: 0 },
  ];
  const ids = await withE2eDatabase(async (db) => {
    const inserted: number[] = [];
    for (const post of posts) {
      const { rows } = await db.query(
        `INSERT INTO posts (thread_id, author_id, body, body_html, upvotes, downvotes, hidden_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() - $8 * interval '1 minute') RETURNING id`,
        [thread.id, member.id, post.body, renderMarkdownUnbounded(post.body), post.upvotes, post.downvotes, post.hidden ? new Date() : null, post.age],
      );
      inserted.push(rows[0].id);
    }
    return inserted;
  });

  await page.goto(`/u/${member.id}`);
  const main = page.getByRole("main");
  await expect(main).toContainText("2 contributions · 5 votes reçus (4 pour, 1 contre)");
  const items = main.getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("Et du code ensuite");
  await expect(items.nth(0)).toContainText("Une citation");
  await expect(items.nth(1)).toContainText(`Un avis tranché, sourcé\u202F: voilà.`);
  await expect(main).not.toContainText("**");
  await expect(main).not.toContainText("`");
  await expect(main).not.toContainText("Un avis masqué");
  await expect(items.nth(1)).toContainText("4 votes");
  await expect(items.nth(1).getByRole("link", { name: "Un fil pour les extraits du profil" })).toHaveAttribute("href", `/t/${thread.slug}`);
  await expect(items.nth(1).getByRole("link", { name: /^Lire la contribution/ })).toHaveAttribute("href", `/p/${ids[0]}`);
  await expect(items.nth(0).getByRole("link", { name: /^Lire la contribution/ })).toHaveAttribute("href", `/p/${ids[1]}`);

  await expectAccessible(page, `/u/${member.id}`);
});
