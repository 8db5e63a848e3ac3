// Pages while PostgreSQL is down: once a page has failed for want of its database (Next.js's
// onRequestError reports it), every page is answered 503 by proxy.ts — a French notice with
// Retry-After — until a probe finds the database again; the API keeps answering its own 503 JSON.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { onRequestError } from "@/instrumentation";
import { proxy } from "@/proxy";

const liveDatabase = process.env.DATABASE_URL!;
const get = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`));
// What Prisma's driver adapter throws when nothing listens (lib/db-errors.ts knows its kinds).
const unreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:1"), { code: "P1001" });
const pageError = (error: unknown) => onRequestError(error);
const isPassedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";
const probeInterval = () => new Promise((resolve) => setTimeout(resolve, 1_100));

afterEach(() => vi.unstubAllEnvs());

describe("pages while the database is down", () => {
  it("are answered 503 with a French notice once a page failed for want of the database, and again normally once it is back", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    expect(isPassedOn(await get("/"))).toBe(true);
    await pageError(new Error("a bug in a page, not an outage"));
    expect(isPassedOn(await get("/"))).toBe(true);

    vi.stubEnv("DATABASE_URL", "postgresql://nobody:nothing@127.0.0.1:1/none");
    await pageError(unreachable);
    for (const path of ["/", "/t/libre-ou-ouvert", "/connexion"]) {
      const page = await get(path);
      expect(page.status, path).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(await page.text()).toContain("Forum momentanément indisponible");
    }
    // The API is not concerned: its routes answer their own 503 JSON (lib/http.ts).
    expect(isPassedOn(await get("/api/health"))).toBe(true);
    // Still down at the next probe.
    await probeInterval();
    expect((await get("/")).status).toBe(503);

    vi.stubEnv("DATABASE_URL", liveDatabase);
    await probeInterval();
    expect(isPassedOn(await get("/"))).toBe(true);
    expect(isPassedOn(await get("/t/libre-ou-ouvert"))).toBe(true);
  });
});
