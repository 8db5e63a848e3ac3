import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/content-security-policy";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce and strict-dynamic, and forbids framing", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("lets the development overlay evaluate code, and upgrades requests over https", () => {
    expect(contentSecurityPolicy("n", { isDev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { isHttps: true })).toContain("upgrade-insecure-requests");
  });
});
