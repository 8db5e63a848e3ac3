import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { isGithubEnabled } from "@/lib/auth";
import { linkGithubAccount } from "@/lib/github-accounts";
import { createPrismaClient } from "@/lib/prisma-client";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
afterEach(() => vi.unstubAllEnvs());

describe("sign-in with GitHub", () => {
  it("is offered only when GITHUB_ID and GITHUB_SECRET are both set", () => {
    vi.stubEnv("GITHUB_ID", "");
    vi.stubEnv("GITHUB_SECRET", "");
    expect(isGithubEnabled()).toBe(false);
    vi.stubEnv("GITHUB_ID", "an-id");
    expect(isGithubEnabled()).toBe(false);
    vi.stubEnv("GITHUB_SECRET", "a-secret");
    expect(isGithubEnabled()).toBe(true);
  });

  it("creates a member at the first sign-in and finds the same one by GitHub id afterwards", async () => {
    const first = await linkGithubAccount("1001", { name: "Octo Cat", login: "octocat", email: "Octo@Example.test" });
    expect(first).toMatchObject({ name: "Octo Cat", role: "MEMBER" });
    const again = await linkGithubAccount("1001", { name: "Renamed", login: "octocat", email: "other@example.test" });
    expect(again?.id).toBe(first?.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ email: "octo@example.test", githubId: "1001" });
  });

  it("refuses to take over a password account that has the same email", async () => {
    await db.user.create({ data: { email: "owner@example.test", name: "Propriétaire", passwordHash: "x" } });
    expect(await linkGithubAccount("2002", { login: "intruder", email: "OWNER@example.test" })).toBeNull();
    expect(await db.user.count({ where: { githubId: "2002" } })).toBe(0);
  });
});
