// What browsers and caches may keep, as the real server answers: a signed-out reader's pages
// may be kept (so Back restores them from the back/forward cache), a member's never.
import type { Page } from "@playwright/test";
import { createThread } from "./factories";
import { expect, signIn, test } from "./fixtures";

test("a reader's home, thread and account pages are private but may be kept; a member's are never stored", async ({ page, member }) => {
  const thread = await createThread("Un fil pour les en-têtes de cache");
  const paths = ["/", `/t/${thread.slug}`, "/compte"];
  const cacheControlOf = async (path: string) => {
    // The page's own context: once signed in, the member's session cookie goes with the request.
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(400);
    return response.headers()["cache-control"] ?? "";
  };

  for (const path of paths) {
    const value = await cacheControlOf(path);
    expect(value, path).toContain("private");
    expect(value, path).not.toContain("no-store");
  }
  await signIn(page, member);
  for (const path of paths) {
    const value = await cacheControlOf(path);
    expect(value, path).toContain("private");
    expect(value, path).toContain("no-store");
  }
  await expect(page.request.get("/compte").then((response) => response.text())).resolves.toContain(member.name);
});

test("Back brings a reader's thread back from the back/forward cache, and reloads a member's", async ({ playwright, launchOptions, baseURL, member }) => {
  // Playwright turns the back/forward cache off by default: this browser keeps it, as readers' do.
  const browser = await playwright.chromium.launch({ ...launchOptions, ignoreDefaultArgs: ["--disable-back-forward-cache"] });
  const thread = await createThread("Un fil pour le retour arrière");
  // Each showing of a page, in order: P when restored from the back/forward cache, N when loaded.
  const showingsAfterBack = async (page: Page) => {
    await page.addInitScript(() =>
      addEventListener("pageshow", (event) => sessionStorage.setItem("showings", `${sessionStorage.getItem("showings") ?? ""}${event.persisted ? "P" : "N"}`)),
    );
    // A page with a request in flight is not kept: a reader leaves once the page is settled,
    // its links' prefetches done (on a slow machine they may still run at "load").
    await page.goto(`/t/${thread.slug}`, { waitUntil: "networkidle" });
    await page.goto("/article");
    await page.goBack({ waitUntil: "commit" });
    let showings = "";
    await expect.poll(async () => (showings = (await page.evaluate(() => sessionStorage.getItem("showings")).catch(() => "")) ?? "").length).toBe(3);
    // Why the browser did not restore the page, when it did not: shown if the test fails.
    const notRestoredReasons = await page.evaluate(() =>
      JSON.stringify((performance.getEntriesByType("navigation")[0] as PerformanceEntry & { notRestoredReasons?: unknown }).notRestoredReasons ?? null),
    );
    return { showings, notRestoredReasons };
  };
  try {
    const reader = await browser.newPage({ baseURL });
    const readerBack = await showingsAfterBack(reader);
    expect(readerBack.showings, readerBack.notRestoredReasons).toBe("NNP");

    const memberPage = await browser.newPage({ baseURL });
    await signIn(memberPage, member);
    expect((await showingsAfterBack(memberPage)).showings).toBe("NNN");
  } finally {
    await browser.close();
  }
});
