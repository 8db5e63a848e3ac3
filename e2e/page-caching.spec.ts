// What browsers and caches may keep, as the real server answers: a signed-out reader's pages
// may be kept (so Back restores them from the back/forward cache), a member's never.
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
