import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp, usesSecureCookies } from "@/lib/auth";

describe("session cookies", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("are Secure in production on a public origin, and over https anywhere", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "http://agora.example.org");
    expect(usesSecureCookies()).toBe(true);
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3100");
    expect(usesSecureCookies()).toBe(false);
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("NEXTAUTH_URL", "https://localhost:3000");
    expect(usesSecureCookies()).toBe(true);
  });
});

describe("clientIp", () => {
  it("takes the address the closest proxy appended", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.7, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientIp({})).toBe("unknown");
  });
});
