// A profile shows what the member wrote as readers see it (excerpts of the rendered text, never
// its Markdown), with counts, and a link to each post; and where they stand on each question, and
// how they came to it, in the page and in the JSON API.
import type { Page } from "@playwright/test";
import { createThread } from "./factories";
import { withE2eDatabase } from "./database";
import { expect, expectAccessible, pageWithoutJavaScript, signIn, test } from "./fixtures";
import { formatDateTime } from "../lib/format";
import { renderMarkdownUnbounded } from "../lib/markdown/pipeline.mjs";

const NNBSP = "\u202F";
const quoted = (label: string) => `«${NNBSP}${label}${NNBSP}»`;

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
  await expect(main.getByRole("region", { name: "Ses positions" })).toContainText("Aucune position prise pour l’instant.");
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

/** Takes, changes or withdraws a position through the JSON API, signed in as the page's member. */
async function takeStance(page: Page, threadId: number, label: string | null) {
  const { positions } = await (await page.request.get(`/api/threads/${threadId}`)).json();
  const positionId = label === null ? null : positions.find((position: { label: string }) => position.label === label).id;
  const response = await page.request.put(`/api/threads/${threadId}/stance`, { data: { positionId } });
  expect(response.status(), await response.text()).toBe(200);
}

test("a profile tells the member's position on each question and how it moved, with JavaScript or without, and so does the API", async ({ page, browser, member }) => {
  const moved = await createThread("Une question où l’on change d’avis", { kind: "POSITION" });
  const withdrawn = await createThread("Une question où l’on se retire", { kind: "POSITION" });
  await signIn(page, member);
  await takeStance(page, moved.id, "Oui");
  await takeStance(page, moved.id, "Non");
  await takeStance(page, withdrawn.id, "C’est nuancé");
  await takeStance(page, withdrawn.id, null);

  const api = await page.request.get(`/api/users/${member.id}/positions`);
  expect(api.status()).toBe(200);
  const { items, otherQuestionCount } = await api.json();
  expect(otherQuestionCount).toBe(0);
  // The last changed first: neither is one of the article's questions.
  expect(items.map((item: { question: { slug: string } }) => item.question.slug)).toEqual([withdrawn.slug, moved.slug]);
  expect(items[1]).toMatchObject({
    position: { label: "Non", colour: "ORANGE" },
    history: [{ from: null, to: { label: "Oui" } }, { from: { label: "Oui" }, to: { label: "Non" } }],
    earlierChangeCount: 0,
  });
  const refused = await page.request.get("/api/users/1e3/positions");
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.issues).toEqual([{ path: "id", message: "Un identifiant est un nombre entier de 1 à 2147483647, écrit en chiffres." }]);
  expect((await page.request.get("/api/users/2147483647/positions")).status()).toBe(404);

  // Each change in words, at the time the API tells, as the page formats it.
  const [withdrawnAt, movedAt] = items.map((item: { history: { at: string }[] }) => item.history.map((change) => formatDateTime(new Date(change.at))));
  const reader = await pageWithoutJavaScript(browser);
  for (const viewer of [page, reader]) {
    await viewer.goto(`/u/${member.id}`);
    const section = viewer.getByRole("main").getByRole("region", { name: "Ses positions" });
    const titles = ["Une question où l’on se retire", "Une question où l’on change d’avis"];
    await expect(section.getByRole("heading", { level: 3 })).toHaveText(titles);
    await expect(section.getByRole("link", { name: titles[0] })).toHaveAttribute("href", `/t/${withdrawn.slug}`);
    await expect(section.getByRole("link", { name: titles[1] })).toHaveAttribute("href", `/t/${moved.slug}`);
    const [first, second] = titles.map((title) => section.getByRole("listitem").filter({ has: viewer.getByRole("heading", { name: title }) }));
    await expect(first).toContainText(`Position actuelle${NNBSP}: aucune`);
    await expect(second).toContainText(`Position actuelle${NNBSP}: Non`);
    await expect(first.getByRole("list").getByRole("listitem")).toHaveText([
      `a pris la position ${quoted("C’est nuancé")} le ${withdrawnAt[0]}`,
      `a retiré sa position ${quoted("C’est nuancé")} le ${withdrawnAt[1]}`,
    ]);
    await expect(second.getByRole("list").getByRole("listitem")).toHaveText([
      `a pris la position ${quoted("Oui")} le ${movedAt[0]}`,
      `a quitté ${quoted("Oui")} pour ${quoted("Non")} le ${movedAt[1]}`,
    ]);
    await expect(second.locator("time").last()).toHaveAttribute("datetime", items[1].history[1].at);
  }
  await reader.context().close();

  await expectAccessible(page, `/u/${member.id}`);
});
