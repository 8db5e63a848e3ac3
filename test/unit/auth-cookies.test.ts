import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
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
  afterEach(() => vi.unstubAllEnvs());
  // What scripts/client-address.cjs writes in front of Next.js: the socket's address.
  const peer = (address: string, forwardedFor?: string) => ({
    "x-agora-peer-address": address,
    ...(forwardedFor !== undefined ? { "x-forwarded-for": forwardedFor } : {}),
  });

  // First: the preload, once imported below, stays for the rest of the file.
  it("without the preload, shares one address between all clients, whatever headers they send", () => {
    vi.stubEnv("TRUSTED_PROXIES", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(clientIp(peer("192.0.2.10", "203.0.113.9"))).toBe("unknown");
    expect(clientIp({})).toBe("unknown");
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  describe("with the socket-address preload", () => {
    beforeAll(() => import("@/scripts/client-address.cjs"));

    it("takes the socket's address and ignores an X-Forwarded-For the client wrote, without TRUSTED_PROXIES", () => {
      vi.stubEnv("TRUSTED_PROXIES", "");
      expect(clientIp(peer("192.0.2.10", "203.0.113.9"))).toBe("192.0.2.10");
      expect(clientIp(new Headers(peer("192.0.2.10", "1.1.1.1, 2.2.2.2")))).toBe("192.0.2.10");
    });

    it("with TRUSTED_PROXIES=N takes the entry N places left of the socket's peer", () => {
      vi.stubEnv("TRUSTED_PROXIES", "1");
      expect(clientIp(peer("10.0.0.1", "forged, 203.0.113.9"))).toBe("203.0.113.9");
      vi.stubEnv("TRUSTED_PROXIES", "2");
      expect(clientIp(peer("10.0.0.1", "forged, 203.0.113.9, 10.0.0.2"))).toBe("203.0.113.9");
      // A request that reached the server without its proxies: the leftmost address.
      expect(clientIp(peer("192.0.2.10"))).toBe("192.0.2.10");
    });

    it("reads a malformed TRUSTED_PROXIES as no proxy", () => {
      for (const value of ["yes", "-1", "1.5"]) {
        vi.stubEnv("TRUSTED_PROXIES", value);
        expect(clientIp(peer("192.0.2.10", "203.0.113.9"))).toBe("192.0.2.10");
      }
    });
  });
});
