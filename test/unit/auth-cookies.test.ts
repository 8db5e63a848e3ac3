import { afterEach, describe, expect, it, vi } from "vitest";
import { usesSecureCookies } from "@/lib/auth";

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
