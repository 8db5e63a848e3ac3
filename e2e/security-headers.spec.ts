import { expect, test } from "@playwright/test";

test("every page carries a nonce-based CSP without unsafe-inline scripts, and the defence headers", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/article", "/connexion", "/t/libre-ou-ouvert"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"];
    const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src"))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    nonces.add(scriptSrc.match(/'nonce-([^']+)'/)![1]);
    // Next.js puts the same nonce on each of its scripts.
    const html = await response.text();
    const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([scriptSrc.match(/'nonce-([^']+)'/)![1]]));

    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["permissions-policy"]).toContain("camera=()");
  }
  expect(nonces.size).toBe(4);
});

test("the API carries the defence headers too", async ({ request }) => {
  const headers = (await request.get("/api/health")).headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("pages run under the CSP without a single violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/inscription");
  // Hydrated (the form marks itself enhanced once the page's scripts ran), then the server
  // action's call in place answers under the same policy.
  await expect(page.locator('input[name="_enhanced"]')).toBeAttached();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("main").getByLabel("Adresse e-mail")).toHaveAccessibleDescription("Cette adresse e-mail n’est pas valide.");
  expect(violations).toEqual([]);
});
