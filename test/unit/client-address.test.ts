import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addressSubject, clientIp } from "@/lib/client-address";

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

describe("addressSubject", () => {
  it("counts an IPv6 /64 as one address, since one subscriber holds all of it", () => {
    expect(addressSubject("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressSubject("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressSubject("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressSubject("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressSubject("::1")).toBe("0:0:0:0::/64");
  });

  it("keeps IPv4 addresses, IPv4-mapped ones included, and leaves anything else as it is", () => {
    expect(addressSubject("203.0.113.9")).toBe("203.0.113.9");
    expect(addressSubject("::ffff:203.0.113.9")).toBe("203.0.113.9");
    for (const other of ["unknown", "1::2::3", "2001:db8:zz::1", "1:2:3:4:5:6:7:8:9"]) expect(addressSubject(other)).toBe(other);
  });
});
