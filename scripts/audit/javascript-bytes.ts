// The JavaScript a signed-out reader downloads for a page: every script the page loads until the
// network is idle (hydration and what it imports included), with its size as sent (the server
// compresses with gzip) and uncompressed.
import type { Browser } from "@playwright/test";

export type Chunk = { path: string; sentBytes: number; bytes: number; encoding: string };

export async function listJavascript(browser: Browser, url: string): Promise<Chunk[]> {
  const page = await browser.newPage();
  const pending: Promise<Chunk>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      (async () => {
        const [body, sizes] = await Promise.all([response.body(), response.request().sizes()]);
        return {
          path: new URL(response.url()).pathname,
          sentBytes: sizes.responseBodySize,
          bytes: body.length,
          encoding: response.headers()["content-encoding"] ?? "identity",
        };
      })(),
    );
  });
  try {
    await page.goto(url, { waitUntil: "networkidle" });
    return (await Promise.all(pending)).toSorted((a, b) => b.sentBytes - a.sentBytes);
  } finally {
    await page.close();
  }
}
