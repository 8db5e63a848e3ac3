import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { MEMBER_CACHE_CONTROL, READER_CACHE_CONTROL } from "@/lib/page-cache-control";
import { proxy } from "@/proxy";

const cacheControlOf = async (path: string, cookie?: string) =>
  (await proxy(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }))).headers.get("cache-control");

describe("the Cache-Control of pages (proxy.ts)", () => {
  it("lets a signed-out reader's browser keep the page (back/forward cache), private and revalidated", async () => {
    for (const cookie of [undefined, "next-auth.csrf-token=abc; next-auth.callback-url=%2F"]) {
      const value = await cacheControlOf("/t/libre-ou-ouvert", cookie);
      expect(value, cookie).toBe(READER_CACHE_CONTROL);
      expect(value).not.toContain("no-store");
      expect(value).toContain("private");
      expect(value).toContain("no-cache");
    }
  });

  it("never lets anything store a page asked for with a session cookie, over http, https or chunked", async () => {
    for (const cookie of ["next-auth.session-token=x", "__Secure-next-auth.session-token=x", "next-auth.session-token.0=x; next-auth.session-token.1=y"]) {
      const value = await cacheControlOf("/compte", cookie);
      expect(value, cookie).toBe(MEMBER_CACHE_CONTROL);
      expect(value).toContain("private");
      expect(value).toContain("no-store");
    }
  });

  it("leaves the API's answers to their route handlers", async () => {
    expect(await cacheControlOf("/api/health")).toBeNull();
  });
});
