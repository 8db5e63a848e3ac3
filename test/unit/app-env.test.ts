import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appEnvironment, PRODUCTION_HEAP_MB } from "@/scripts/app-env";

describe("the launcher's environment for next-auth", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-env-"));
  afterEach(() => vi.unstubAllEnvs());

  it("generates AUTH_SECRET once on the embedded default and keeps it in the data folder", () => {
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    delete process.env.AUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    const first = appEnvironment(["next", "start"], dataDir, true);
    const second = appEnvironment(["next", "dev"], dataDir, true);
    expect(first.AUTH_SECRET).toMatch(/^[\w-]{40,}$/);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o077).toBe(0);
  });

  it("stops a production server on DATABASE_URL that has no secret, with a clear message", () => {
    delete process.env.AUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    expect(() => appEnvironment(["next", "start"], dataDir, false)).toThrow(/AUTH_SECRET is not set/);
  });

  it("keeps a given secret and site URL, and defaults the URL to localhost on the chosen port", () => {
    vi.stubEnv("AUTH_SECRET", "given");
    vi.stubEnv("NODE_OPTIONS", "");
    expect(appEnvironment(["next", "dev"], dataDir, false)).toEqual({ NEXTAUTH_URL: "http://localhost:3000" });
    expect(appEnvironment(["next", "start", "-p", "4123"], dataDir, false).NEXTAUTH_URL).toBe("http://localhost:4123");
    vi.stubEnv("NEXTAUTH_URL", "https://agora.example.org");
    expect(appEnvironment(["next", "dev"], dataDir, false)).toEqual({});
  });

  it("bounds the heap of the production server only, unless NODE_OPTIONS sets its own limit", () => {
    vi.stubEnv("AUTH_SECRET", "given");
    vi.stubEnv("NODE_OPTIONS", "--enable-source-maps");
    expect(appEnvironment(["next", "start"], dataDir, false).NODE_OPTIONS).toBe(`--enable-source-maps --max-old-space-size=${PRODUCTION_HEAP_MB}`);
    expect(appEnvironment(["next", "dev"], dataDir, false).NODE_OPTIONS).toBeUndefined();
    vi.stubEnv("NODE_OPTIONS", "--max-old-space-size=1024");
    expect(appEnvironment(["next", "start"], dataDir, false).NODE_OPTIONS).toBe("--max-old-space-size=1024");
  });
});
