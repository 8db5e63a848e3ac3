import { QUESTIONS } from "../prisma/seed/article";
import { PROFILE_PAGE_SIZE } from "../lib/schemas/user";
import { withE2eDatabase } from "./database";
import { createThread, newMemberData } from "./factories";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const header = (page: import("@playwright/test").Page) => page.getByRole("banner");
// Next.js has an alert of its own (the route announcer): look in the page's main content.
const formAlert = (page: import("@playwright/test").Page) => page.getByRole("main").getByRole("alert");

test("sign up → signed in → sign out → sign in again → back on the page they came from", async ({ page }) => {
  const member = newMemberData();
  const threadPath = `/t/${QUESTIONS[2].slug}`;
  await page.goto(threadPath);
  await header(page).getByRole("link", { name: "Inscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inscription");
  await page.getByLabel("Adresse e-mail").fill(member.email);
  await page.getByLabel("Nom affiché").fill(member.name);
  await page.getByLabel("Mot de passe").fill(member.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  await expect(page).toHaveURL(threadPath);
  await expect(header(page).getByRole("link", { name: `Connecté en tant que ${member.name}` })).toBeVisible();

  await header(page).getByRole("button", { name: "Se déconnecter" }).click();
  await expect(header(page).getByRole("link", { name: "Connexion" })).toBeVisible();

  await page.goto(threadPath);
  await header(page).getByRole("link", { name: "Connexion" }).click();
  await page.getByLabel("Adresse e-mail").fill(member.email.toUpperCase());
  await page.getByLabel("Mot de passe").fill(member.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(threadPath);
  await expect(header(page).getByRole("link", { name: `Connecté en tant que ${member.name}` })).toBeVisible();
});

test("the session cookie is httpOnly and SameSite=Lax", async ({ page, member }) => {
  await signIn(page, member);
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("a wrong password is refused with a clear message", async ({ page, member }) => {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(member.email);
  await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(formAlert(page)).toHaveText("E-mail ou mot de passe incorrect.");
  await expect(header(page).getByRole("link", { name: "Connexion" })).toBeVisible();
});

test("sign-up shows the server's refusal next to the field: email taken, common password", async ({ page, member }) => {
  await page.goto("/inscription");
  await page.getByLabel("Adresse e-mail").fill(member.email);
  await page.getByLabel("Nom affiché").fill("Quelqu’un d’autre");
  await page.getByLabel("Mot de passe").fill("qwertyuiop");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Ce mot de passe fait partie des plus courants : choisissez-en un autre.").first()).toBeVisible();
  await page.getByLabel("Mot de passe").fill("un mot de passe bien à moi");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(formAlert(page)).toContainText("Un compte existe déjà avec cette adresse e-mail");
});

test("a callback URL to another site is ignored: sign-in lands on this site", async ({ page, member }) => {
  await page.goto("/connexion?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("Adresse e-mail").fill(member.email);
  await page.getByLabel("Mot de passe").fill(member.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(header(page).getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
});

test("a public profile shows the name, role and join date; the account page, the email", async ({ page, member }) => {
  await page.goto(`/u/${member.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(member.name);
  await expect(page.getByText("Membre", { exact: true })).toBeVisible();
  await expect(page.getByText(/membre depuis le/)).toBeVisible();
  await expect(page.getByText("Aucune contribution pour l’instant.")).toBeVisible();
  await expect(page.getByText(member.email)).toHaveCount(0);

  await signIn(page, member);
  await page.goto("/compte");
  await expect(page.getByText(member.email, { exact: false })).toBeVisible();
});

test("a profile lists the member's public posts newest first, a page at a time", async ({ page, member }) => {
  const thread = await createThread("Un fil pour le profil du test");
  const total = PROFILE_PAGE_SIZE + 5;
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO posts (thread_id, author_id, body, body_html, created_at)
       SELECT $1, $2, 'Avis ' || n, '<p>Avis ' || n || '</p>', now() - interval '1 day' + n * interval '1 second'
       FROM generate_series(1, $3) AS n`,
      [thread.id, member.id, total],
    );
    // Moderation hid the newest: its author's profile does not show it to the public.
    await db.query("UPDATE posts SET hidden_at = now(), hidden_reason = 'test' WHERE author_id = $1 AND body = $2", [member.id, `Avis ${total}`]);
  });
  await page.goto(`/u/${member.id}`);
  const posts = page.getByRole("main").getByRole("listitem");
  await expect(posts).toHaveCount(PROFILE_PAGE_SIZE);
  await expect(posts.first()).toContainText(`Avis ${total - 1}`);
  await page.getByRole("link", { name: "Contributions plus anciennes" }).click();
  await expect(posts).toHaveCount(total - 1 - PROFILE_PAGE_SIZE);
  await expect(posts.last()).toContainText("Avis 1");
  await expect(page.getByRole("link", { name: "Contributions plus anciennes" })).toHaveCount(0);
});

test("changing the password signs other sessions out and keeps this one", async ({ browser, page, member }) => {
  const elsewhere = await browser.newPage();
  await signIn(elsewhere, member);
  await signIn(page, member);
  await page.goto("/compte");
  await page.getByLabel("Mot de passe actuel").fill(member.password);
  await page.getByLabel("Nouveau mot de passe").fill("un tout nouveau mot de passe");
  await page.getByRole("button", { name: "Changer de mot de passe" }).click();
  await expect(page.getByRole("status")).toContainText("Mot de passe modifié");
  await expect(header(page).getByRole("button", { name: "Se déconnecter" })).toBeVisible();

  await elsewhere.reload();
  await expect(header(elsewhere).getByRole("link", { name: "Connexion" })).toBeVisible();
  await elsewhere.close();
});

test("the sign-in, sign-up, profile and account pages are accessible", async ({ page, member }) => {
  for (const path of ["/connexion", "/inscription", `/u/${member.id}`]) await expectAccessible(page, path);
  await signIn(page, member);
  await expectAccessible(page, "/compte");
});

test("before the page's script runs, submitting a sign-in or sign-up form never puts the password in the URL", async ({ browser, member }) => {
  for (const path of ["/connexion", "/inscription"]) {
    // A browser of its own for each form: the sign-in now succeeds without JavaScript too.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(path);
    await page.getByLabel("Adresse e-mail").fill(member.email);
    await page.getByLabel("Mot de passe").fill(member.password);
    await page.getByRole("main").getByRole("button").first().click();
    await page.waitForLoadState();
    expect(page.url()).not.toContain(encodeURIComponent(member.password).slice(0, 8));
    expect(page.url()).not.toContain("password");
    await context.close();
  }
});
