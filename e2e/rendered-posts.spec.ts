// Posts come rendered from the server (components/post-item.tsx), on the page and in the pages
// « Voir plus » and « Voir la suite » append: the browser hydrates their controls only.
import type { Page } from "@playwright/test";
import { POST_PAGE_SIZE, REPLIES_PER_CONVERSATION } from "../lib/schemas/post";
import { withE2eDatabase } from "./database";
import { createConversation, createMemberViaApi, createThread } from "./factories";
import { expect, signIn, test } from "./fixtures";

const main = (page: Page) => page.getByRole("main");

/** `count` opinions by one author, oldest first ("Avis 1", "Avis 2"…). */
async function createOpinions(threadId: number, authorId: number, count: number) {
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO posts (thread_id, author_id, body, body_html, created_at)
       SELECT $1, $2, 'Avis ' || n, '<p>Avis ' || n || '</p>', now() - interval '1 hour' + n * interval '1 second'
       FROM generate_series(1, $3) AS n`,
      [threadId, authorId, count],
    ),
  );
}

test("hydrating a reader's thread page replaces no element: the server's controls are the ones that run", async ({ page, request }) => {
  const thread = await createThread("Un fil hydraté sans rien remplacer");
  const author = await createMemberViaApi(request, "hydrate");
  await createOpinions(thread.id, author.id, POST_PAGE_SIZE + 1);
  // Every element removed from the page after it was parsed: hydration that swapped a link for a
  // button on each post removed one per post.
  await page.addInitScript(() => {
    const removed: string[] = [];
    Object.assign(window, { removedElements: removed });
    document.addEventListener("DOMContentLoaded", () =>
      new MutationObserver((records) => {
        for (const record of records) record.removedNodes.forEach((node) => node instanceof Element && removed.push(node.outerHTML.slice(0, 80)));
      }).observe(document.body, { childList: true, subtree: true }),
    );
  });
  await page.goto(`/t/${thread.slug}?sort=old`);
  // Hydrated: the next page's link reads « Voir plus » once the script runs.
  await expect(main(page).getByRole("link", { name: "Voir plus de contributions" })).toBeVisible();
  await expect(main(page).getByRole("article")).toHaveCount(POST_PAGE_SIZE);
  await expect(main(page).getByRole("button", { name: `Pour 0 — contribution de ${author.name}` })).toHaveCount(POST_PAGE_SIZE);
  expect(await page.evaluate(() => (window as unknown as { removedElements: string[] }).removedElements)).toEqual([]);
});

test("a signed-out reader's posts hold no client component: the one sign-in prompt of the page answers their votes", async ({ page, request }) => {
  const thread = await createThread("Un fil lu sans composant client par contribution");
  const author = await createMemberViaApi(request, "statique");
  await createOpinions(thread.id, author.id, 3);
  // The page's React payload names each client component it mounts once, whatever its count (by
  // its export's name, inside the payload's escaped JSON).
  const sendsPostControls = async () => (await (await page.request.get(`/t/${thread.slug}`)).text()).includes("PostControls");
  expect(await sendsPostControls()).toBe(false);
  await signIn(page, await createMemberViaApi(request, "membre-statique"));
  expect(await sendsPostControls()).toBe(true);
});

test("a post « Voir plus » appends works like the page's own: a member votes on it, and it stays", async ({ page, member, request }) => {
  const thread = await createThread("Un fil où l'on vote plus bas");
  const author = await createMemberViaApi(request, "plusbas");
  await createOpinions(thread.id, author.id, POST_PAGE_SIZE + 2);
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}?sort=old`);
  await main(page).getByRole("link", { name: "Voir plus de contributions" }).click();
  const last = main(page).getByRole("article").last();
  await expect(last).toContainText(`Avis ${POST_PAGE_SIZE + 2}`);
  await last.getByRole("button", { name: `Pour 0 — contribution de ${author.name}` }).click();
  await expect(last.getByRole("button", { name: `Pour 1 — contribution de ${author.name}` })).toHaveAttribute("aria-pressed", "true");
  // The count moves before the server answers (optimistic): the vote is waited for in the database.
  await expect
    .poll(() =>
      withE2eDatabase(async (db) =>
        (await db.query("SELECT count(*)::int AS n FROM post_votes v JOIN posts p ON p.id = v.post_id WHERE p.thread_id = $1 AND v.user_id = $2 AND p.body = $3", [thread.id, member.id, `Avis ${POST_PAGE_SIZE + 2}`])).rows[0].n,
      ),
    )
    .toBe(1);
  // The vote's answer renders the server's page again: the posts appended in place stay.
  await expect(main(page).getByRole("article")).toHaveCount(POST_PAGE_SIZE + 2);
  await expect(last).toContainText(`Avis ${POST_PAGE_SIZE + 2}`);
  // Its reply link opens the composer in place, as on the page's first posts.
  await last.getByRole("link", { name: "Répondre" }).click();
  await expect(last.getByLabel(`Répondre à ${author.name}`)).toBeFocused();
});

test("a deep reply loaded with « Voir la suite » names whom it answers, even when that post came earlier", async ({ page, request }) => {
  const thread = await createThread("Une conversation profonde chargée en deux fois");
  const author = await createMemberViaApi(request, "profondeur");
  const other = await createMemberViaApi(request, "repondant");
  // A conversation: its first replies (shown with the page) go four levels deep; the last one,
  // loaded on demand, answers the deepest of them.
  await withE2eDatabase(async (db) => {
    const insert = async (authorId: number, parentId: number | null, rootId: number | null, depth: number, text: string, second: number) =>
      (
        await db.query<{ id: number }>(
          `INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now() + $8 * interval '1 second') RETURNING id`,
          [thread.id, authorId, parentId, rootId, depth, text, `<p>${text}</p>`, second],
        )
      ).rows[0].id;
    const root = await insert(author.id, null, null, 0, "Le sujet", 0);
    let parent = root;
    for (let depth = 1; depth <= REPLIES_PER_CONVERSATION; depth += 1) parent = await insert(depth % 2 ? other.id : author.id, parent, root, depth, `Réponse ${depth}`, depth);
    await insert(author.id, parent, root, REPLIES_PER_CONVERSATION + 1, "La réponse chargée ensuite", 100);
  });
  await page.goto(`/t/${thread.slug}`);
  await main(page).getByRole("link", { name: "Voir la suite de la conversation" }).click();
  const loaded = main(page).getByRole("article").filter({ hasText: "La réponse chargée ensuite" });
  const answered = REPLIES_PER_CONVERSATION % 2 ? other : author;
  await expect(loaded.getByRole("link", { name: `en réponse à @${answered.name}` })).toHaveAttribute("href", /#p-\d+$/);
});

test("a conversation opened with « Voir la suite » stays open after a vote on one of its replies", async ({ page, member, request }) => {
  const thread = await createThread("Une conversation dépliée puis votée");
  const author = await createMemberViaApi(request, "deplie");
  const replies = REPLIES_PER_CONVERSATION + 3;
  await createConversation(thread.id, author.id, replies);
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  const posts = main(page).getByRole("article");
  await main(page).getByRole("link", { name: "Voir la suite de la conversation" }).click();
  await expect(posts).toHaveCount(1 + replies);
  const last = posts.filter({ hasText: `Réponse ${replies}` });
  await last.getByRole("button", { name: `Pour 0 — contribution de ${author.name}` }).click();
  await expect(last.getByRole("button", { name: `Pour 1 — contribution de ${author.name}` })).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(() => withE2eDatabase(async (db) => (await db.query("SELECT count(*)::int AS n FROM post_votes WHERE user_id = $1", [member.id])).rows[0].n))
    .toBe(1);
  // The vote's answer renders the page again: the replies loaded stay, in order, and nothing more is offered.
  await expect(posts).toHaveCount(1 + replies);
  await expect(posts.last()).toContainText(`Réponse ${replies}`);
  await expect(main(page).getByRole("link", { name: "Voir la suite de la conversation" })).toHaveCount(0);
});
