import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/strict-transport-security";
import { proxy } from "@/proxy";

const hstsOf = async (path: string, method = "GET") => (await proxy(new NextRequest(`http://localhost:3000${path}`, { method }))).headers.get("strict-transport-security");

afterEach(() => vi.unstubAllEnvs());

describe("Strict-Transport-Security", () => {
  it("is sent on pages, API answers and refusals when the site's origin is https", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://agora.example.org");
    for (const path of ["/", "/t/libre-ou-ouvert", "/api/health", "/api/threads/%ED%A0%80"]) {
      expect(await hstsOf(path), path).toBe(STRICT_TRANSPORT_SECURITY);
    }
    expect(await hstsOf("/", "PROPFIND")).toBe(STRICT_TRANSPORT_SECURITY);
    expect(STRICT_TRANSPORT_SECURITY).toMatch(/max-age=\d{8,}/);
  });

  it("is never sent over http, where it would be ignored at best", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    for (const path of ["/", "/api/health"]) expect(await hstsOf(path), path).toBeNull();
  });
});
