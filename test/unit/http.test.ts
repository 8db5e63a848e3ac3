import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { call } from "../support/http";

const echo = route({ body: z.object({ text: z.string().min(1) }), status: 201 }, async ({ body }) => ({ echoed: body.text }));

describe("the route wrapper", () => {
  it("answers a valid same-origin JSON write with the handler's result and status", async () => {
    const response = await call(echo, "/api/echo", { method: "POST", json: { text: "salut" }, headers: { origin: "http://localhost:3000" } });
    expect(response).toMatchObject({ status: 201, body: { echoed: "salut" } });
  });

  it("accepts a write from a non-browser client, which sends neither Origin nor Sec-Fetch-Site", async () => {
    const response = await call(echo, "/api/echo", { method: "POST", json: { text: "curl" } });
    expect(response.status).toBe(201);
  });

  it.each([
    ["another site's Origin", { origin: "https://evil.example" }],
    ["a cross-site fetch without Origin", { "sec-fetch-site": "cross-site" }],
    ["a same-site but other-origin fetch", { "sec-fetch-site": "same-site" }],
  ])("refuses a write carrying %s with 403", async (_label, headers) => {
    const response = await call(echo, "/api/echo", { method: "POST", json: { text: "x" }, headers });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("forbidden");
  });

  it("refuses a text/plain body (the cross-site form trick) with 415", async () => {
    const response = await call(echo, "/api/echo", {
      method: "POST",
      body: '{"text":"x"}',
      headers: { "content-type": "text/plain", origin: "http://localhost:3000" },
    });
    expect(response.status).toBe(415);
  });

  it("answers malformed JSON and an invalid body with 400, the latter with zod's issues", async () => {
    const malformed = await call(echo, "/api/echo", { method: "POST", body: "{", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    const invalid = await call(echo, "/api/echo", { method: "POST", json: { text: "" } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: "invalid_input", issues: [{ path: "text", message: expect.any(String) }] });
  });

  it("answers an AppError with its status and headers", async () => {
    const limited = route({}, async () => {
      throw new AppError("rate_limited", "Trop de requêtes.", { headers: { "retry-after": "7" } });
    });
    const response = await call(limited, "/api/limited");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.body).toEqual({ error: { code: "rate_limited", message: "Trop de requêtes." } });
  });

  it("answers an unexpected error with a generic 500 that leaks nothing", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = route({}, async () => {
      throw new Error("password=hunter2 at db.internal:5432");
    });
    const response = await call(broken, "/api/broken");
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain("hunter2");
    expect(response.body.error.code).toBe("internal");
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
