// The account forms (sign-up, sign-in, sign-out, /compte) are real form posts: they work with
// JavaScript off, and with it they run in place, without a full reload.
import type { Page } from "@playwright/test";
import { NOTICES } from "../lib/notices";
import { QUESTIONS } from "../prisma/seed/article";
import { withE2eDatabase } from "./database";
import { newClientAddress, newMemberData } from "./factories";
import { expect, expectAccessibleAsShown, signIn, test } from "./fixtures";

const header = (page: Page) => page.getByRole("banner");
const main = (page: Page) => page.getByRole("main");
const signedInAs = (page: Page, name: string) => header(page).getByRole("link", { name: `Connecté en tant que ${name}` });
const signedOut = (page: Page) => header(page).getByRole("link", { name: "Connexion" });
const threadPath = `/t/${QUESTIONS[1].slug}`;
const withCallback = (path: string) => `${path}?callbackUrl=${encodeURIComponent(threadPath)}`;

// Each test signs up from an address of its own: the suite stays under the limit per address.
test.use({ extraHTTPHeaders: async ({}, use) => use({ "x-forwarded-for": newClientAddress() }) });

/** The member's session rows, oldest first: whether each was revoked. */
function sessionsOf(email: string) {
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query(
      "SELECT s.revoked_at IS NOT NULL AS revoked FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at, s.id",
      [email],
    );
    return rows as { revoked: boolean }[];
  });
}

function sessionVersionOf(email: string) {
  return withE2eDatabase(async (db) => (await db.query("SELECT session_version FROM users WHERE email = $1", [email])).rows[0].session_version as number);
}

async function fillSignUp(page: Page, member: { email: string; name: string; password: string }) {
  await main(page).getByLabel("Adresse e-mail").fill(member.email);
  await main(page).getByLabel("Nom affiché").fill(member.name);
  await main(page).getByLabel("Mot de passe").fill(member.password);
  await main(page).getByRole("button", { name: "Créer mon compte" }).click();
}

async function fillSignIn(page: Page, email: string, password: string) {
  await main(page).getByLabel("Adresse e-mail").fill(email);
  await main(page).getByLabel("Mot de passe").fill(password);
  await main(page).getByRole("button", { name: "Se connecter" }).click();
}

async function changePassword(page: Page, currentPassword: string, newPassword: string) {
  await main(page).getByLabel("Mot de passe actuel").fill(currentPassword);
  await main(page).getByLabel("Nouveau mot de passe").fill(newPassword);
  await main(page).getByRole("button", { name: "Changer de mot de passe" }).click();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signing up, out and in again are form posts: the session row opens, serves next-auth too, and is revoked", async ({ page }) => {
    const newcomer = newMemberData("sans-js");
    await page.goto(withCallback("/inscription"));
    await fillSignUp(page, newcomer);
    await expect(signedInAs(page, newcomer.name)).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(threadPath);
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.signed_up })).toHaveText(NOTICES.signed_up);
    expect(await sessionsOf(newcomer.email)).toEqual([{ revoked: false }]);
    // next-auth's own endpoint reads the cookie the form set.
    expect(await (await page.request.get("/api/auth/session")).json()).toMatchObject({ user: { name: newcomer.name } });

    await header(page).getByRole("button", { name: "Se déconnecter" }).click();
    await expect(signedOut(page)).toBeVisible();
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.signed_out })).toHaveText(NOTICES.signed_out);
    expect(await sessionsOf(newcomer.email)).toEqual([{ revoked: true }]);
    expect((await page.context().cookies()).some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(false);

    await page.goto(withCallback("/connexion"));
    await fillSignIn(page, newcomer.email, newcomer.password);
    await expect(signedInAs(page, newcomer.name)).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(threadPath);
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.signed_in })).toHaveText(NOTICES.signed_in);
    expect(await sessionsOf(newcomer.email)).toEqual([{ revoked: true }, { revoked: false }]);
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });

  test("a wrong password says so, keeps the e-mail, never the password, and opens no session", async ({ page, member }) => {
    await page.goto("/connexion");
    await fillSignIn(page, member.email, "pas le bon mot de passe");
    await expect(main(page).getByRole("alert")).toHaveText("E-mail ou mot de passe incorrect.");
    await expect(main(page).getByLabel("Adresse e-mail")).toHaveValue(member.email);
    await expect(main(page).getByLabel("Mot de passe")).toHaveValue("");
    expect(await page.content()).not.toContain("pas le bon mot de passe");
    await expect(signedOut(page)).toBeVisible();
    expect(await sessionsOf(member.email)).toEqual([]);
  });

  test("the sign-in form has next-auth's rate limits, per client address: after 5 failures even the right password is refused there", async ({ browser, page, member }) => {
    await page.goto("/connexion");
    for (let attempt = 0; attempt < 5; attempt += 1) await fillSignIn(page, member.email, "pas le bon mot de passe");
    await fillSignIn(page, member.email, member.password);
    await expect(main(page).getByRole("alert")).toHaveText(/^Trop de tentatives de connexion à ce compte depuis votre adresse/);
    await expect(signedOut(page)).toBeVisible();
    expect(await sessionsOf(member.email)).toEqual([]);

    const elsewhere = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": newClientAddress() } });
    const other = await elsewhere.newPage();
    await other.goto("/connexion");
    await fillSignIn(other, member.email, member.password);
    await expect(signedInAs(other, member.name)).toBeVisible();
    await elsewhere.close();
  });

  test("sign-up refusals show each field's error, keep the typed values, and the summary leads to the field", async ({ page, member }) => {
    const newcomer = newMemberData("refus");
    const password = main(page).getByLabel("Mot de passe");
    await page.goto("/inscription");
    await fillSignUp(page, { ...newcomer, password: "court" });
    await expect(password).toHaveAccessibleDescription(/au moins 10 caractères/);
    await expect(main(page).getByLabel("Adresse e-mail")).toHaveValue(newcomer.email);
    await expect(main(page).getByLabel("Nom affiché")).toHaveValue(newcomer.name);
    await expect(password).toHaveValue("");
    await main(page).getByRole("alert").getByRole("link", { name: /au moins 10 caractères/ }).click();
    await expect(password).toBeFocused();

    await fillSignUp(page, { ...newcomer, password: "qwertyuiop" });
    await expect(password).toHaveAccessibleDescription(/fait partie des plus courants/);

    await fillSignUp(page, { ...newcomer, email: member.email });
    await expect(main(page).getByLabel("Adresse e-mail")).toHaveAccessibleDescription("Un compte existe déjà avec cette adresse e-mail. Connectez-vous.");
    await expect(main(page).getByLabel("Nom affiché")).toHaveValue(newcomer.name);
    await expect(signedOut(page)).toBeVisible();
    const created = await withE2eDatabase(async (db) => (await db.query("SELECT count(*)::int AS n FROM users WHERE name = $1", [newcomer.name])).rows[0].n);
    expect(created).toBe(0);
  });

  test("on /compte, the password changes (this browser stays signed in) and signing out everywhere ends every session", async ({ page, member }) => {
    await signIn(page, member);
    const version = await sessionVersionOf(member.email);
    await page.goto("/compte");
    await changePassword(page, "pas le bon mot de passe", "un tout nouveau mot de passe");
    await expect(main(page).getByLabel("Mot de passe actuel")).toHaveAccessibleDescription("Le mot de passe actuel est incorrect.");
    expect(await sessionVersionOf(member.email)).toBe(version);

    await changePassword(page, member.password, "un tout nouveau mot de passe");
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.password_changed })).toHaveText(NOTICES.password_changed);
    await expect(signedInAs(page, member.name)).toBeVisible();
    expect(await sessionVersionOf(member.email)).toBe(version + 1);

    await main(page).getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
    await expect(signedOut(page)).toBeVisible();
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.signed_out_everywhere })).toHaveText(NOTICES.signed_out_everywhere);
    expect(await sessionVersionOf(member.email)).toBe(version + 2);
  });
});

test.describe("with JavaScript", () => {
  /** Set on the page's window: it survives a client-side navigation, never a full load. */
  const markPage = async (page: Page) => {
    // Hydrated (the form marks itself enhanced): a click no longer posts the page.
    await expect(main(page).locator('input[name="_enhanced"]').first()).toBeAttached();
    await page.evaluate(() => Object.assign(window, { agoraMarker: true }));
  };
  const isSamePage = (page: Page) => page.evaluate(() => "agoraMarker" in window);

  test("signing up, out and in again happen without reloading the page", async ({ page }) => {
    const newcomer = newMemberData("avec-js");
    await page.goto(withCallback("/inscription"));
    await markPage(page);
    await fillSignUp(page, newcomer);
    await expect(signedInAs(page, newcomer.name)).toBeVisible();
    await expect(page).toHaveURL(threadPath);
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.signed_up })).toHaveText(NOTICES.signed_up);

    await header(page).getByRole("button", { name: "Se déconnecter" }).click();
    await expect(signedOut(page)).toBeVisible();
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.signed_out })).toHaveText(NOTICES.signed_out);

    await signedOut(page).click();
    await fillSignIn(page, newcomer.email, newcomer.password);
    await expect(signedInAs(page, newcomer.name)).toBeVisible();
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.signed_in })).toHaveText(NOTICES.signed_in);
    expect(await isSamePage(page)).toBe(true);
    expect(await sessionsOf(newcomer.email)).toEqual([{ revoked: true }, { revoked: false }]);
  });

  test("a wrong password is refused in place: the summary takes the focus, the e-mail stays", async ({ page, member }) => {
    await page.goto("/connexion");
    await markPage(page);
    await fillSignIn(page, member.email, "pas le bon mot de passe");
    await expect(main(page).getByRole("alert")).toHaveText("E-mail ou mot de passe incorrect.");
    await expect(main(page).getByRole("alert")).toBeFocused();
    await expect(main(page).getByLabel("Adresse e-mail")).toHaveValue(member.email);
    expect(await isSamePage(page)).toBe(true);
    expect(await sessionsOf(member.email)).toEqual([]);
    await expectAccessibleAsShown(page);
  });

  test("with the keyboard, the error summary's first link leads to the first field in error", async ({ page }) => {
    const newcomer = newMemberData("clavier");
    await page.goto("/inscription");
    await markPage(page);
    await fillSignUp(page, { ...newcomer, email: "pas-une-adresse", password: "court" });
    const summary = main(page).getByRole("alert");
    await expect(summary).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(summary.getByRole("link").first()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(main(page).getByLabel("Adresse e-mail")).toBeFocused();
    await expect(main(page).getByLabel("Nom affiché")).toHaveValue(newcomer.name);
    expect(await isSamePage(page)).toBe(true);
    await expectAccessibleAsShown(page);
  });

  test("on /compte, changing the password and signing out everywhere happen without reloading the page", async ({ page, member }) => {
    await signIn(page, member);
    await page.goto("/compte");
    await markPage(page);
    await changePassword(page, member.password, "un tout nouveau mot de passe");
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.password_changed })).toHaveText(NOTICES.password_changed);
    await expect(signedInAs(page, member.name)).toBeVisible();

    await main(page).getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
    await expect(signedOut(page)).toBeVisible();
    await expect(main(page).getByRole("status").filter({ hasText: NOTICES.signed_out_everywhere })).toHaveText(NOTICES.signed_out_everywhere);
    expect(await isSamePage(page)).toBe(true);
  });
});
