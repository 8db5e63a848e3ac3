import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as meRoute } from "@/app/api/me/route";
import { POST as changePasswordRoute } from "@/app/api/me/password/route";
import { POST as signOutEverywhereRoute } from "@/app/api/me/sign-out-everywhere/route";
import { POST as signUpRoute } from "@/app/api/users/route";
import { authOptions } from "@/lib/auth";
import { createPrismaClient } from "@/lib/prisma-client";
import { SIGN_IN_LOCKED } from "@/lib/sign-in-errors";
import { authenticate } from "@/lib/users";
import { call } from "../support/http";
import { createMember, sessionCookie } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
// Each test starts with no rate-limit history.
beforeEach(() => db.rateLimitHit.deleteMany());

let ipSequence = 0;
const freshIp = () => `203.0.113.${++ipSequence}`;

function signUp(json: unknown, ip = freshIp(), headers: Record<string, string> = {}) {
  return call(signUpRoute, "/api/users", { method: "POST", json, headers: { "x-forwarded-for": ip, ...headers } });
}

const me = (cookie?: string) => call(meRoute, "/api/me", { headers: cookie ? { cookie } : {} });

describe("sign-up (POST /api/users)", () => {
  it("creates a member with a normalised email and an argon2id hash, and answers 201 {id, name}", async () => {
    const { status, body } = await signUp({ email: "  Ana.Lopez@Example.TEST ", name: "  Ana   López ", password: "un mot de passe solide" });
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(Number), name: "Ana López" });
    const user = await db.user.findUniqueOrThrow({ where: { id: body.id }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ email: "ana.lopez@example.test", role: "MEMBER" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("answers 409 when the email is taken in another case or form", async () => {
    await signUp({ email: "taken@example.test", name: "Premier", password: "un mot de passe solide" });
    const { status, body } = await signUp({ email: "TAKEN@example.test", name: "Second", password: "un autre mot de passe" });
    expect(status).toBe(409);
    expect(body.error.code).toBe("conflict");
    expect(await db.user.count({ where: { email: "taken@example.test" } })).toBe(1);
  });

  it.each([
    ["a malformed email", { email: "pas-un-email", name: "Ana", password: "un mot de passe solide" }, "email"],
    ["a short password", { email: "a@example.test", name: "Ana", password: "court" }, "password"],
    ["a password over 128 characters", { email: "a@example.test", name: "Ana", password: "x".repeat(129) }, "password"],
    ["a one-letter name", { email: "a@example.test", name: " A ", password: "un mot de passe solide" }, "name"],
    ["a 41-character name", { email: "a@example.test", name: "n".repeat(41), password: "un mot de passe solide" }, "name"],
    ["a missing field", { email: "a@example.test", password: "un mot de passe solide" }, "name"],
    ["one of the commonest passwords", { email: "a@example.test", name: "Ana", password: "Password123" }, "password"],
  ])("answers 400 with zod's issues for %s, and writes nothing", async (_label, json, field) => {
    const { status, body } = await signUp(json);
    expect(status).toBe(400);
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(field);
    expect(await db.user.count({ where: { email: "a@example.test" } })).toBe(0);
  });

  it.each([
    ["the address itself", "Boss@Example.test"],
    ["its full-width variant", "ｂｏｓｓ＠ｅｘａｍｐｌｅ．ｔｅｓｔ"],
  ])("makes a MEMBER of whoever signs up with an ADMIN_EMAILS address (%s): nobody proved they own it", async (_label, email) => {
    vi.stubEnv("ADMIN_EMAILS", "boss@example.test, other@example.test");
    try {
      const { status, body } = await signUp({ email, name: "La patronne", password: "un mot de passe solide" });
      expect(status).toBe(201);
      expect(await db.user.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({ email: "boss@example.test", role: "MEMBER" });
    } finally {
      vi.unstubAllEnvs();
      await db.user.deleteMany({ where: { email: "boss@example.test" } });
    }
  });

  it("allows 10 sign-ups an hour from one address, then answers 429 with Retry-After", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i += 1) {
      expect((await signUp({ email: `flood${i}@example.test`, name: "Flot", password: "un mot de passe solide" }, ip)).status).toBe(201);
    }
    const refused = await signUp({ email: "flood10@example.test", name: "Flot", password: "un mot de passe solide" }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(await db.user.count({ where: { email: "flood10@example.test" } })).toBe(0);
  });

  it("refuses a cross-site request (403) and a text/plain body (415)", async () => {
    const crossSite = await signUp({ email: "x@example.test", name: "Xavier", password: "un mot de passe solide" }, freshIp(), {
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
    const textPlain = await call(signUpRoute, "/api/users", {
      method: "POST",
      body: JSON.stringify({ email: "x@example.test", name: "Xavier", password: "un mot de passe solide" }),
      headers: { "content-type": "text/plain", origin: "http://localhost:3000" },
    });
    expect(textPlain.status).toBe(415);
    expect(await db.user.count({ where: { email: "x@example.test" } })).toBe(0);
  });
});

describe("sign-in (authenticate)", () => {
  const password = "le bon mot de passe";
  async function account(email: string) {
    await signUp({ email, name: "Compte", password });
  }

  it("accepts the right password in any email case and refuses a wrong one", async () => {
    await account("sign-in@example.test");
    expect(await authenticate({ email: "sign-in@example.test", password }, freshIp())).toMatchObject({ name: "Compte" });
    expect(await authenticate({ email: "sign-in@example.test", password: "le mauvais" }, freshIp())).toBeNull();
    expect(await authenticate({ email: "nobody@example.test", password }, freshIp())).toBeNull();
  });

  it("locks one address out of an email after 5 failures in 15 minutes, even with the right password", async () => {
    await account("target@example.test");
    const ip = freshIp();
    for (let i = 0; i < 5; i += 1) {
      expect(await authenticate({ email: "target@example.test", password: `faux ${i}` }, ip)).toBeNull();
    }
    await expect(authenticate({ email: "target@example.test", password }, ip)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringContaining("Trop de tentatives de connexion à ce compte depuis votre adresse"),
    });
  });

  it("does not let strangers elsewhere lock the owner out: failures from other addresses leave theirs open", async () => {
    await account("owner@example.test");
    for (let stranger = 0; stranger < 4; stranger += 1) {
      const ip = freshIp();
      for (let i = 0; i < 5; i += 1) expect(await authenticate({ email: "owner@example.test", password: "faux" }, ip)).toBeNull();
      await expect(authenticate({ email: "owner@example.test", password: "faux" }, ip)).rejects.toMatchObject({ code: "rate_limited" });
    }
    expect(await authenticate({ email: "owner@example.test", password }, freshIp())).toMatchObject({ name: "Compte" });
  });

  it("bounds guesses spread over many addresses: 100 failures an hour per email lock it everywhere", async () => {
    await account("spread@example.test");
    const recently = Date.now() - 30 * 60_000;
    await db.rateLimitHit.createMany({
      data: Array.from({ length: 99 }, (_, i) => ({ key: "signInFailuresPerEmail:spread@example.test", createdAt: new Date(recently + i) })),
    });
    expect(await authenticate({ email: "spread@example.test", password: "faux" }, freshIp())).toBeNull();
    const refused = authenticate({ email: "spread@example.test", password }, freshIp());
    await expect(refused).rejects.toMatchObject({ code: "rate_limited", message: expect.stringContaining("Ce compte reçoit trop de tentatives") });
  });

  it("checks at most 5 of 50 wrong passwords sent at once for one email from one address", async () => {
    await account("parallel@example.test");
    const ip = freshIp();
    const answers = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => authenticate({ email: "parallel@example.test", password: `faux ${i}` }, ip)),
    );
    const checked = answers.filter((answer) => answer.status === "fulfilled");
    const locked = answers.filter((answer) => answer.status === "rejected" && answer.reason.code === "rate_limited");
    expect(checked).toHaveLength(5);
    expect(locked).toHaveLength(45);
  });

  it("counts the 30 failures per address exactly when 40 guesses for distinct emails arrive at once", async () => {
    const ip = freshIp();
    const answers = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => authenticate({ email: `at-once${i}@example.test`, password: "faux" }, ip)),
    );
    expect(answers.filter((answer) => answer.status === "fulfilled")).toHaveLength(30);
    expect(answers.filter((answer) => answer.status === "rejected" && answer.reason.code === "rate_limited")).toHaveLength(10);
  });

  it("does not count a right password as a failure", async () => {
    await account("regular@example.test");
    const ip = freshIp();
    for (let i = 0; i < 4; i += 1) await authenticate({ email: "regular@example.test", password: "faux" }, ip);
    for (let i = 0; i < 4; i += 1) expect(await authenticate({ email: "regular@example.test", password }, ip)).not.toBeNull();
    expect(await authenticate({ email: "regular@example.test", password: "faux" }, ip)).toBeNull();
    await expect(authenticate({ email: "regular@example.test", password }, ip)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("logs every failure with the email and address, never the password", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const ip = freshIp();
    await authenticate({ email: "logged@example.test", password: "secret-qui-ne-doit-pas-fuir" }, ip);
    const logged = warn.mock.calls.map((args) => args.join(" ")).join("\n");
    warn.mockRestore();
    expect(logged).toContain("logged@example.test");
    expect(logged).toContain(ip);
    expect(logged).not.toContain("secret-qui-ne-doit-pas-fuir");
  });

  it("RATE_LIMITS=off turns every limit off (for benchmarks)", async () => {
    await account("unlimited@example.test");
    vi.stubEnv("RATE_LIMITS", "off");
    try {
      for (let i = 0; i < 6; i += 1) await authenticate({ email: "unlimited@example.test", password: "faux" }, "198.51.100.1");
      expect(await authenticate({ email: "unlimited@example.test", password }, "198.51.100.1")).not.toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("locks an address out after 30 failures in 15 minutes, whatever the email", async () => {
    await account("victim@example.test");
    const ip = freshIp();
    for (let i = 0; i < 30; i += 1) {
      expect(await authenticate({ email: `guess${i}@example.test`, password: "faux" }, ip)).toBeNull();
    }
    await expect(authenticate({ email: "victim@example.test", password }, ip)).rejects.toMatchObject({ code: "rate_limited" });
    expect(await authenticate({ email: "victim@example.test", password }, freshIp())).not.toBeNull();
  });
});

describe("per-address limits without a proxy in front (TRUSTED_PROXIES unset)", () => {
  // As under `next start`: the preload puts the socket's address in this header.
  beforeAll(() => import("@/scripts/client-address.cjs"));
  beforeEach(() => vi.stubEnv("TRUSTED_PROXIES", ""));
  afterEach(() => vi.unstubAllEnvs());
  const fromSocket = (peer: string) => ({ "x-forwarded-for": freshIp(), "x-agora-peer-address": peer });

  it("a new X-Forwarded-For on every sign-up does not dodge the 10 sign-ups per address", async () => {
    const answers = [];
    for (let i = 0; i < 11; i += 1) {
      const json = { email: `forger${i}@example.test`, name: "Faussaire", password: "un mot de passe solide" };
      answers.push((await call(signUpRoute, "/api/users", { method: "POST", json, headers: fromSocket("192.0.2.50") })).status);
    }
    expect(answers).toEqual([...Array(10).fill(201), 429]);
  });

  it("a new X-Forwarded-For on every sign-in does not dodge the per-address lock-out", async () => {
    await signUp({ email: "victim2@example.test", name: "Victime", password: "le bon mot de passe" }, freshIp(), { "x-agora-peer-address": "192.0.2.61" });
    const credentials = authOptions.providers[0].options as unknown as {
      authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
    };
    const signIn = (email: string, password: string) => credentials.authorize({ email, password }, { headers: fromSocket("192.0.2.60") });
    for (let i = 0; i < 30; i += 1) expect(await signIn(`guess${i}@example.test`, "faux")).toBeNull();
    await expect(signIn("victim2@example.test", "le bon mot de passe")).rejects.toThrow(SIGN_IN_LOCKED);
    // The address is locked, not the account: from elsewhere its owner signs in.
    expect(await credentials.authorize({ email: "victim2@example.test", password: "le bon mot de passe" }, { headers: fromSocket("192.0.2.62") })).toMatchObject({ name: "Victime" });
  });
});

describe("sessions (GET /api/me)", () => {
  it("answers 401 without a session and with a forged one", async () => {
    expect((await me()).status).toBe(401);
    expect((await me("next-auth.session-token=forged.jwt.value")).status).toBe(401);
  });

  it("reads the user fresh on every request: a role change applies at the next one", async () => {
    const member = await createMember();
    expect((await me(member.cookie)).body).toEqual({ id: member.id, name: member.name, role: "MEMBER", suspended: false, suspendedUntil: null });
    await db.user.update({ where: { id: member.id }, data: { role: "MODERATOR" } });
    expect((await me(member.cookie)).body.role).toBe("MODERATOR");
  });

  it("treats a token whose user no longer exists as signed out", async () => {
    const member = await createMember();
    await db.user.delete({ where: { id: member.id } });
    expect((await me(member.cookie)).status).toBe(401);
  });

  it("shows a suspended member as suspended: they can still read", async () => {
    const until = new Date(Date.now() + 86_400_000);
    const member = await createMember({ suspendedUntil: until });
    const { status, body } = await me(member.cookie);
    expect(status).toBe(200);
    expect(body).toMatchObject({ suspended: true, suspendedUntil: until.toISOString() });
  });

  it("sign out everywhere revokes every session: a replayed old cookie gets 401", async () => {
    const member = await createMember();
    const other = await sessionCookie(member);
    const response = await call(signOutEverywhereRoute, "/api/me/sign-out-everywhere", { method: "POST", headers: { cookie: member.cookie } });
    expect(response.status).toBe(204);
    expect((await me(member.cookie)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
  });
});

describe("password change (POST /api/me/password)", () => {
  async function memberWithPassword(email: string) {
    const { body } = await signUp({ email, name: "Changeur", password: "ancien mot de passe" });
    const user = await db.user.findUniqueOrThrow({ where: { id: body.id } });
    return { ...user, cookie: await sessionCookie(user) };
  }
  const change = (cookie: string, json: unknown) =>
    call(changePasswordRoute, "/api/me/password", { method: "POST", json, headers: { cookie } });

  it("requires the current password (403) and a strong new one (400)", async () => {
    const member = await memberWithPassword("changer1@example.test");
    expect((await change(member.cookie, { currentPassword: "pas le bon", newPassword: "nouveau mot de passe" })).status).toBe(403);
    expect((await change(member.cookie, { currentPassword: "ancien mot de passe", newPassword: "qwertyuiop" })).status).toBe(400);
    expect((await change(member.cookie, { currentPassword: "ancien mot de passe", newPassword: "court" })).status).toBe(400);
    expect(await authenticate({ email: "changer1@example.test", password: "ancien mot de passe" }, freshIp())).not.toBeNull();
  });

  it("changes the password and revokes the sessions issued before", async () => {
    const member = await memberWithPassword("changer2@example.test");
    const response = await change(member.cookie, { currentPassword: "ancien mot de passe", newPassword: "nouveau mot de passe" });
    expect(response.status).toBe(204);
    expect((await me(member.cookie)).status).toBe(401);
    expect(await authenticate({ email: "changer2@example.test", password: "ancien mot de passe" }, freshIp())).toBeNull();
    expect(await authenticate({ email: "changer2@example.test", password: "nouveau mot de passe" }, freshIp())).not.toBeNull();
  });

  it("answers 401 to an anonymous caller", async () => {
    const response = await call(changePasswordRoute, "/api/me/password", { method: "POST", json: { currentPassword: "a", newPassword: "nouveau mot de passe" } });
    expect(response.status).toBe(401);
  });
});
