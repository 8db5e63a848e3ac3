import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appEnvironment, CLIENT_ADDRESS_PRELOAD, PRODUCTION_HEAP_MB, serverNodeOptions } from "@/scripts/app-env";

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
    expect(appEnvironment(["next", "dev"], dataDir, false).NEXTAUTH_URL).toBe("http://localhost:3000");
    expect(appEnvironment(["next", "start", "-p", "4123"], dataDir, false).NEXTAUTH_URL).toBe("http://localhost:4123");
    vi.stubEnv("NEXTAUTH_URL", "https://agora.example.org");
    expect(appEnvironment(["next", "dev"], dataDir, false).NEXTAUTH_URL).toBeUndefined();
  });

  it("bounds the heap of the production server only, unless NODE_OPTIONS sets its own limit", () => {
    vi.stubEnv("AUTH_SECRET", "given");
    vi.stubEnv("NODE_OPTIONS", "--enable-source-maps");
    const preload = `--require ${JSON.stringify(CLIENT_ADDRESS_PRELOAD)}`;
    expect(appEnvironment(["next", "start"], dataDir, false).NODE_OPTIONS).toBe(`--enable-source-maps ${preload} --max-old-space-size=${PRODUCTION_HEAP_MB}`);
    expect(appEnvironment(["next", "dev"], dataDir, false).NODE_OPTIONS).toBe(`--enable-source-maps ${preload}`);
    expect(appEnvironment(["prisma", "db", "seed"], dataDir, false).NODE_OPTIONS).toBeUndefined();
    vi.stubEnv("NODE_OPTIONS", "--max-old-space-size=1024");
    expect(appEnvironment(["next", "start"], dataDir, false).NODE_OPTIONS).toBe(`--max-old-space-size=1024 ${preload}`);
  });

  it("refuses a TRUSTED_PROXIES that is not a number of proxies", () => {
    vi.stubEnv("AUTH_SECRET", "given");
    vi.stubEnv("TRUSTED_PROXIES", "yes");
    expect(() => appEnvironment(["next", "start"], dataDir, false)).toThrow(/TRUSTED_PROXIES must be the number/);
    vi.stubEnv("TRUSTED_PROXIES", "2");
    expect(() => appEnvironment(["next", "start"], dataDir, false)).not.toThrow();
  });
});

describe("the socket-address preload", () => {
  it("replaces a client-sent peer-address header by the socket's address, before the server sees it", async () => {
    const server = `
      const http = require("node:http");
      const s = http.createServer((request, response) => response.end(JSON.stringify(request.headers)));
      s.listen(0, "127.0.0.1", () => process.stdout.write(String(s.address().port) + "\\n"));`;
    const child = spawn(process.execPath, ["-e", server], {
      env: { ...process.env, NODE_OPTIONS: serverNodeOptions() },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const [line] = (await once(child.stdout!, "data")) as [Buffer];
      const response = await fetch(`http://127.0.0.1:${line.toString().trim()}/`, {
        headers: { "x-agora-peer-address": "203.0.113.66", "x-forwarded-for": "203.0.113.66" },
      });
      const headers = await response.json();
      expect(headers["x-agora-peer-address"]).toBe("127.0.0.1");
      expect(headers["x-forwarded-for"]).toBe("203.0.113.66");
    } finally {
      child.kill();
    }
  });
});
