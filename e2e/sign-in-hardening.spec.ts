import { expect, signIn, test } from "./fixtures";

// Next.js has an alert of its own (the route announcer): look in the page's main content.
const formAlert = (page: import("@playwright/test").Page) => page.getByRole("main").getByRole("alert");

// The bypasses: each one came out as "//evil.example", which a browser reads as a host.
const BYPASSES = ["/.//evil.example", "/%2e%2e//evil.example", "/x/..//evil.example/phish", "/\t/evil.example", "/\\evil.example", "https:evil.example"];

test("a signed-in member sent to /connexion or /inscription with a hostile callback URL is redirected on this site", async ({ page, member, baseURL }) => {
  await signIn(page, member);
  for (const pagePath of ["/connexion", "/inscription"]) {
    for (const callbackUrl of [...BYPASSES, "/t/libre-ou-ouvert?sort=new"]) {
      const response = await page.request.get(`${pagePath}?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(response.status(), callbackUrl).toBeGreaterThanOrEqual(300);
      const location = response.headers()["location"];
      expect(new URL(location, baseURL).origin, `${pagePath} ${JSON.stringify(callbackUrl)} → ${location}`).toBe(new URL(baseURL!).origin);
      expect(location.startsWith("//"), location).toBe(false);
    }
    // A repeated parameter arrives as an array: still a redirect on this site, never a 500.
    const repeated = await page.request.get(`${pagePath}?callbackUrl=%2Ft%2Fx&callbackUrl=%2F.%2F%2Fevil.example`, { maxRedirects: 0 });
    expect(repeated.status()).toBeGreaterThanOrEqual(300);
    expect(new URL(repeated.headers()["location"], baseURL).href).toBe(new URL("/", baseURL).href);
  }
});

test("signing in through the form with a callback URL that normalises to another host lands on this site", async ({ page, member, baseURL }) => {
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent("/.//evil.example/phish")}`);
  await page.getByLabel("Adresse e-mail").fill(member.email);
  await page.getByLabel("Mot de passe").fill(member.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toBe("/");
});

test("/connexion?error= shows only the known codes' messages, never the text in the URL", async ({ page }) => {
  const planted = "Votre compte est suspendu : appelez le 01 23 45 67 89";
  await page.goto(`/connexion?error=${encodeURIComponent(planted)}`);
  await expect(formAlert(page)).toHaveText("La connexion a échoué. Réessayez.");
  expect(await page.locator("body").innerText()).not.toContain("appelez le");
  for (const query of ["error=constructor", "error=__proto__", `error=CredentialsSignin&error=${encodeURIComponent(planted)}`]) {
    const response = await page.goto(`/connexion?${query}`);
    expect(response!.status(), query).toBe(200);
    await expect(formAlert(page)).toHaveText("La connexion a échoué. Réessayez.");
  }
  await page.goto("/connexion?error=CredentialsSignin");
  await expect(formAlert(page)).toHaveText("E-mail ou mot de passe incorrect.");
  await page.goto("/connexion?error=SignInLocked");
  await expect(formAlert(page)).toContainText("Trop de tentatives de connexion");
});

test("signing out with the header's button revokes that session: a copy of its cookie gets 401, the other device stays signed in", async ({ browser, page, member }) => {
  const phone = await browser.newPage();
  await signIn(phone, member);
  await signIn(page, member);
  const copied = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
  await page.getByRole("banner").getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Connexion" })).toBeVisible();

  const thief = await browser.newContext();
  await thief.addCookies([copied]);
  expect((await thief.request.get("/api/me")).status()).toBe(401);
  expect((await phone.request.get("/api/me")).status()).toBe(200);
  await phone.reload();
  await expect(phone.getByRole("banner").getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await thief.close();
  await phone.close();
});
