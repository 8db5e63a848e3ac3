// Focus goes where the member's attention is (issue 12): into a form when it opens, to the result
// when it closes; and a request that fails says so and gives its control back.
import { withE2eDatabase } from "./database";
import { createMemberViaApi, createThread } from "./factories";
import { expect, signIn, test } from "./fixtures";

test("the keyboard reaches the composer from the top, a reply form takes the focus, the new post gets it after", async ({ page, member, request }) => {
  const thread = await createThread("Le clavier seul, pour le test");
  const author = await createMemberViaApi(request, "clavier");
  await withE2eDatabase((db) =>
    db.query("INSERT INTO posts (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Un avis', '<p>Un avis</p>')", [thread.id, author.id]),
  );
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  const main = page.getByRole("main");

  await main.getByRole("link", { name: "Participer au débat" }).press("Enter");
  await expect(main.getByLabel("Votre contribution (Markdown)")).toBeFocused();

  await main.getByRole("article", { name: `Contribution de ${author.name}` }).getByRole("link", { name: "Répondre" }).press("Enter");
  const replyField = main.getByLabel(`Répondre à ${author.name}`);
  await expect(replyField).toBeFocused();
  await page.keyboard.type("Une réponse au clavier.");
  await main.getByRole("button", { name: "Publier la réponse" }).press("Enter");
  const reply = main.getByRole("article", { name: `Contribution de ${member.name}` });
  await expect(reply).toContainText("Une réponse au clavier.");
  await expect(reply).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Votre réponse est publiée." })).toBeVisible();
  // Once read, the notice leaves the address: a reload does not repeat it.
  await expect(page).not.toHaveURL(/notice=/);
});

test("the question's thread heading structure has one heading per post, and replies are nested lists", async ({ page, request }) => {
  const thread = await createThread("La structure des réponses, pour le test");
  const author = await createMemberViaApi(request, "structure");
  await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>("INSERT INTO posts (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Racine', '<p>Racine</p>') RETURNING id", [thread.id, author.id]);
    await db.query("INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html) VALUES ($1, $2, $3, $3, 1, 'Réponse', '<p>Réponse</p>')", [thread.id, author.id, rows[0].id]);
  });
  await page.goto(`/t/${thread.slug}`);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 3, name: new RegExp(author.name) })).toHaveCount(2);
  // The reply is an item of a list inside the item of the post it answers.
  const rootItem = main.getByRole("listitem").filter({ has: page.getByRole("article", { name: `Contribution de ${author.name}` }).filter({ hasText: "Racine" }) }).first();
  await expect(rootItem.getByRole("list").getByRole("listitem").getByRole("article")).toContainText("Réponse");
});

test("a failed « Voir plus » or « Voir la suite » says so and can be tried again", async ({ page, request }) => {
  const thread = await createThread("Un réseau qui flanche, pour le test");
  const author = await createMemberViaApi(request, "flanche");
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO posts (thread_id, author_id, body, body_html, created_at)
       SELECT $1, $2, 'Avis ' || n, '<p>Avis ' || n || '</p>', now() - interval '1 hour' + n * interval '1 second' FROM generate_series(1, 25) AS n`,
      [thread.id, author.id],
    );
    await db.query(
      `INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html, created_at)
       SELECT $1, $2, r.id, r.id, 1, 'Réponse ' || n, '<p>Réponse ' || n || '</p>', now() + n * interval '1 second'
       FROM generate_series(1, 8) AS n, (SELECT id FROM posts WHERE thread_id = $1 AND body = 'Avis 1') r`,
      [thread.id, author.id],
    );
  });
  await page.goto(`/t/${thread.slug}?sort=old`);
  const main = page.getByRole("main");
  let refuse = true;
  // The pages load through server actions (app/actions/post-pages.ts): each such request fails, as when
  // the network drops, while `refuse`.
  await page.route(`**/t/${thread.slug}**`, (route) =>
    refuse && route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort("internetdisconnected") : route.continue(),
  );

  await main.getByRole("link", { name: "Voir plus de contributions" }).click();
  await expect(main.getByRole("alert")).toHaveText("Le chargement a échoué. Vérifiez votre connexion et réessayez.");
  await main.getByRole("link", { name: "Voir la suite de la conversation" }).click();
  await expect(main.getByRole("alert").filter({ hasText: "Le chargement a échoué" })).toHaveCount(1);
  await expect(main.getByRole("article")).toHaveCount(20 + 5);

  refuse = false;
  await main.getByRole("link", { name: "Voir la suite de la conversation" }).click();
  await expect(main.getByRole("article")).toHaveCount(20 + 8);
  await main.getByRole("link", { name: "Voir plus de contributions" }).click();
  await expect(main.getByRole("article")).toHaveCount(25 + 8);
  await expect(main.getByRole("alert")).toHaveCount(0);
});

test("text typed before the page's script runs is kept, and previewed once it runs", async ({ page, member }) => {
  const thread = await createThread("Écrire avant le script, pour le test");
  await signIn(page, member);
  // Hold the page's scripts back: the server-rendered composer is there, not yet hydrated.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\//, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`/t/${thread.slug}`, { waitUntil: "commit" });
  const composer = page.getByRole("main").getByLabel("Votre contribution (Markdown)");
  await composer.fill("Un avis tapé **tôt**.");
  release();
  await expect(page.getByRole("main").getByRole("region", { name: "Aperçu" }).locator("strong")).toHaveText("tôt");
  await expect(composer).toHaveValue("Un avis tapé **tôt**.");
});

test("a form whose request fails says so, keeps what was typed, and sends on the next try", async ({ page, member }) => {
  const thread = await createThread("Un envoi qui échoue, pour le test");
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  const main = page.getByRole("main");
  const composer = main.getByLabel("Votre contribution (Markdown)");
  // Every server action's request fails, as when the network drops.
  let isDown = true;
  await page.route(`**/t/${thread.slug}**`, (route) =>
    isDown && route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort("internetdisconnected") : route.continue(),
  );
  await expect(main.locator('input[name="_enhanced"]').first()).toBeAttached();
  await composer.fill("Un avis qui finira par partir.");
  await main.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(main.getByRole("alert")).toContainText("Le serveur ne répond pas");
  await expect(composer).toHaveValue("Un avis qui finira par partir.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Un envoi qui échoue, pour le test");

  isDown = false;
  await main.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(main.getByRole("article", { name: `Contribution de ${member.name}` })).toContainText("Un avis qui finira par partir.");
});
