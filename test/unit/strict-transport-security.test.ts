import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/strict-transport-security";
import { proxy } from "@/proxy";

const hstsOf = (path: string, method = "GET") => proxy(new NextRequest(`http://localhost:3000${path}`, { method })).headers.get("strict-transport-security");

afterEach(() => vi.unstubAllEnvs());

describe("Strict-Transport-Security", () => {
  it("is sent on pages, API answers and refusals when the site's origin is https", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://agora.example.org");
    for (const path of ["/", "/t/libre-ou-ouvert", "/api/health", "/api/threads/%ED%A0%80"]) {
      expect(hstsOf(path), path).toBe(STRICT_TRANSPORT_SECURITY);
    }
    expect(hstsOf("/", "PROPFIND")).toBe(STRICT_TRANSPORT_SECURITY);
    expect(STRICT_TRANSPORT_SECURITY).toMatch(/max-age=\d{8,}/);
  });

  it("is never sent over http, where it would be ignored at best", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    for (const path of ["/", "/api/health"]) expect(hstsOf(path), path).toBeNull();
  });
});
