import { describe, expect, it, vi } from "vitest";
import { call } from "../support/http";

describe("GET /api/health", () => {
  it("answers ok when the database answers", async () => {
    const { GET } = await import("@/app/api/health/route");
    const { status, body } = await call(GET, "/api/health");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 when the database is unreachable", async () => {
    vi.resetModules();
    // Port 1 on loopback: nothing listens there.
    vi.stubEnv("DATABASE_URL", "postgresql://nobody:nothing@127.0.0.1:1/none");
    const { GET } = await import("@/app/api/health/route");
    const { status, body } = await call(GET, "/api/health");
    expect(status).toBe(503);
    expect(body.error.code).toBe("unavailable");
    vi.unstubAllEnvs();
  });
});
