import { createMemberViaApi, createThread, setRole } from "./factories";
import { withE2eDatabase } from "./database";
import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a member reports a post; a moderator hides it from the queue, restores it, and the log shows both", async ({ browser, page, member, request }) => {
  const thread = await createThread("Un fil modéré pour le test");
  const author = await createMemberViaApi(request, "signale");
  const text = `Un message douteux ${Date.now()}`;
  await withE2eDatabase((db) =>
    db.query("INSERT INTO posts (thread_id, author_id, body, body_html) VALUES ($1, $2, $3, $4)", [thread.id, author.id, text, `<p>${text}</p>`]),
  );

  // The member reports it.
  await signIn(page, member);
  await page.goto(`/t/${thread.slug}`);
  const post = page.getByRole("main").getByRole("article", { name: `Contribution de ${author.name}` });
  await post.getByRole("link", { name: "Signaler" }).click();
  await post.getByLabel("Motif du signalement").selectOption("HARASSMENT");
  await post.getByLabel("Précisions (facultatif)").fill("Attaque personnelle.");
  await post.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(post.getByRole("status")).toHaveText("Merci : la modération va examiner votre signalement.");

  // A moderator, appointed with the role CLI, finds it in the queue and hides it.
  const moderator = await createMemberViaApi(request, "moderateur");
  setRole(moderator.email, "MODERATOR");
  const moderatorPage = await (await browser.newContext()).newPage();
  await signIn(moderatorPage, moderator);
  await moderatorPage.getByRole("banner").getByRole("link", { name: "Modération" }).click();
  const entry = moderatorPage.getByRole("listitem").filter({ hasText: text });
  await expect(entry).toContainText("Harcèlement");
  await expect(entry).toContainText("Attaque personnelle.");
  await expect(entry).toContainText(member.name);
  await entry.getByRole("link", { name: "Masquer" }).click();
  await entry.getByLabel("Raison").fill("Attaque personnelle");
  await entry.getByRole("button", { name: "Confirmer : masquer" }).click();
  await expect(moderatorPage.getByText(text)).toHaveCount(0);

  // Gone for an anonymous reader; still readable, with a badge, for the moderator.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/t/${thread.slug}`);
  await expect(anonymous.getByRole("main").getByText("Contribution masquée par la modération.")).toBeVisible();
  await expect(anonymous.getByText(text)).toHaveCount(0);
  await moderatorPage.goto(`/t/${thread.slug}`);
  const hidden = moderatorPage.getByRole("main").getByRole("article", { name: `Contribution de ${author.name}` });
  await expect(hidden).toContainText("Masqué par la modération : Attaque personnelle");
  const postNumber = (await hidden.getAttribute("id"))!.replace("p-", "");
  await expect(hidden).toContainText(text);

  // Restored.
  await hidden.getByRole("button", { name: "Rétablir" }).click();
  await expect(hidden.getByText("Masqué par la modération")).toHaveCount(0);
  await anonymous.reload();
  // Back in the list, and among « Les arguments » (which leave out a hidden post).
  await expect(anonymous.getByRole("main").getByRole("article", { name: `Contribution de ${author.name}` })).toContainText(text);
  await expect(anonymous.getByRole("main").getByRole("region", { name: "Les arguments" })).toContainText(text);

  // The log shows both actions, with the moderator; the public journal without them.
  await moderatorPage.goto(`/moderation/log?actorId=${moderator.id}`);
  const actions = moderatorPage.getByRole("main").getByRole("listitem");
  await expect(actions).toHaveCount(2);
  await expect(actions.nth(0)).toContainText("Contribution rétablie");
  await expect(actions.nth(1)).toContainText("Contribution masquée");
  await expect(actions.nth(1)).toContainText(`${moderator.name} a masqué la contribution n° ${postNumber} de ${author.name}`);
  await expect(actions.nth(0)).toContainText(`${moderator.name} a rétabli la contribution n° ${postNumber} de ${author.name}`);
  // The public journal: both actions and the post's number, linked now that it is public again; no
  // reason, no moderator, no author.
  await anonymous.goto("/moderation/journal");
  const journal = anonymous.getByRole("main");
  const entries = journal.getByRole("listitem").filter({ hasText: `contribution n° ${postNumber}` });
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText("Contribution rétablie");
  await expect(entries.nth(1)).toContainText("Contribution masquée");
  await expect(entries.nth(0).getByRole("link", { name: `contribution n° ${postNumber}` })).toHaveAttribute("href", `/t/${thread.slug}#p-${postNumber}`);
  for (const secret of ["Attaque personnelle", moderator.name, author.name]) await expect(journal.getByText(secret)).toHaveCount(0);
});

test("the moderation pages are accessible", async ({ page, request }) => {
  // Four pages, each checked in two colour schemes by axe's whole rule set: slow on a loaded machine.
  test.slow();
  const admin = await createMemberViaApi(request, "accessible");
  setRole(admin.email, "ADMIN");
  await signIn(page, admin);
  for (const path of ["/moderation", "/moderation/log", "/moderation/journal", "/admin/users"]) await expectAccessible(page, path);
});

test("a suspended member sees why and until when, and can no longer write", async ({ page, member }) => {
  await withE2eDatabase((db) =>
    db.query("UPDATE users SET suspended_at = now(), suspended_until = now() + interval '3 days', suspension_reason = 'Insultes' WHERE id = $1", [member.id]),
  );
  await signIn(page, member);
  await expect(page.getByRole("status").filter({ hasText: "Votre compte est suspendu" })).toContainText("Insultes");
  const thread = await createThread("Un fil pour un membre suspendu");
  await page.goto(`/t/${thread.slug}`);
  await expect(page.getByRole("main").getByText(/^Votre compte est suspendu jusqu’au .+ : vous ne pouvez pas écrire\.$/)).toBeVisible();
  await expect(page.getByRole("main").getByLabel("Votre contribution (Markdown)")).toHaveCount(0);
});

test("moderation pages are for moderators: a member gets a 404", async ({ page, member }) => {
  await signIn(page, member);
  expect((await page.goto("/moderation"))?.status()).toBe(404);
  expect((await page.goto("/admin/users"))?.status()).toBe(404);
});

test("a moderator locks and renames a thread, and suspends then reinstates a member from their profile", async ({ page, request }) => {
  const thread = await createThread("Un fil à renommer pour le test");
  const moderator = await createMemberViaApi(request, "gardien");
  const member = await createMemberViaApi(request, "turbulent");
  setRole(moderator.email, "MODERATOR");
  await signIn(page, moderator);
  await page.goto(`/t/${thread.slug}`);
  const tools = page.getByRole("group", { name: "Modération du fil" });
  await tools.getByRole("button", { name: "Verrouiller" }).click();
  await expect(page.getByText("Fil verrouillé")).toBeVisible();
  await tools.getByRole("link", { name: "Renommer" }).click();
  await tools.getByLabel("Nouveau titre").fill("Un titre enfin clair pour le test");
  await tools.getByRole("button", { name: "Renommer le fil" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Un titre enfin clair pour le test");

  await page.goto(`/u/${member.id}`);
  const memberTools = page.getByRole("group", { name: "Modération du membre" });
  await memberTools.getByRole("link", { name: `Suspendre ${member.name}` }).click();
  await memberTools.getByLabel("Raison").fill("Trois avertissements");
  await memberTools.getByRole("button", { name: "Confirmer la suspension" }).click();
  await expect(memberTools.getByRole("button", { name: "Lever la suspension" })).toBeVisible();
  await memberTools.getByRole("button", { name: "Lever la suspension" }).click();
  await expect(memberTools.getByRole("link", { name: `Suspendre ${member.name}` })).toBeVisible();

  await page.goto(`/moderation/log?actorId=${moderator.id}`);
  await expect(page.getByRole("main").getByRole("listitem")).toHaveText([/Suspension levée/, /Membre suspendu/, /Fil renommé/, /Fil verrouillé/]);
});
