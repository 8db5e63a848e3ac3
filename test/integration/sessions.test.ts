import { decode, encode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as meRoute } from "@/app/api/me/route";
import { POST as signOutEverywhereRoute } from "@/app/api/me/sign-out-everywhere/route";
import { getActorFromCookies } from "@/lib/auth";
import { hashPassword } from "@/lib/passwords";
import { createPrismaClient } from "@/lib/prisma-client";
import { newSessionCookie } from "@/lib/session-cookie";
import { MAX_SESSIONS_PER_USER, SESSION_MAX_AGE_SECONDS, SESSION_PRUNE_BATCH, createSession } from "@/lib/sessions";
import { ORIGIN, call } from "../support/http";
import { nextAuthBrowser } from "../support/next-auth";
import { createMember, sessionCookie } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
const PASSWORD = "un mot de passe de test";
let sequence = 0;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  process.env.TEST_PASSWORD_HASH = await hashPassword(PASSWORD);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db.$disconnect();
});
beforeEach(() => db.rateLimitHit.deleteMany());

async function account() {
  sequence += 1;
  const email = `session${sequence}@example.test`;
  const user = await db.user.create({ data: { email, name: `Appareils ${sequence}`, passwordHash: process.env.TEST_PASSWORD_HASH } });
  return { ...user, email };
}

async function signedInBrowser(email: string) {
  const browser = nextAuthBrowser();
  const { url } = await browser.signIn(email, PASSWORD);
  expect(url).not.toContain("error=");
  return browser;
}

const me = (cookie: string) => call(meRoute, "/api/me", { headers: { cookie } });

describe("signing out (POST /api/auth/signout)", () => {
  it("revokes the session it ends: its copied cookie gets 401, the member's other device stays signed in", async () => {
    const member = await account();
    const laptop = await signedInBrowser(member.email);
    const phone = await signedInBrowser(member.email);
    const copied = laptop.cookie();
    expect((await me(copied)).status).toBe(200);
    expect((await me(phone.cookie())).status).toBe(200);

    expect((await laptop.signOut()).body).toEqual({ url: expect.stringContaining(ORIGIN) });
    expect(laptop.cookie()).not.toContain("session-token");

    expect((await me(copied)).status).toBe(401);
    expect((await me(phone.cookie())).body).toMatchObject({ id: member.id });
    expect(await db.session.count({ where: { userId: member.id, revokedAt: null } })).toBe(1);
  });

  it("each sign-in opens a session row of its own, for that user, expiring in 30 days", async () => {
    const member = await account();
    await signedInBrowser(member.email);
    await signedInBrowser(member.email);
    const sessions = await db.session.findMany({ where: { userId: member.id } });
    expect(sessions).toHaveLength(2);
    for (const session of sessions) {
      expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(30 * 24 * 60 * 60 * 1000);
    }
  });

  it("signing out twice, or with a cookie already revoked, changes nothing else", async () => {
    const member = await account();
    const laptop = await signedInBrowser(member.email);
    const phone = await signedInBrowser(member.email);
    const copied = laptop.cookie();
    await laptop.signOut();
    await laptop.signOut();
    expect((await me(copied)).status).toBe(401);
    expect((await me(phone.cookie())).status).toBe(200);
  });

  it("signs out in parallel from many devices: each revokes only its own session", async () => {
    const member = await account();
    // Signed in one after another: parallel attempts on one email count toward the sign-in limit.
    const devices = [];
    for (let i = 0; i < 6; i += 1) devices.push(await signedInBrowser(member.email));
    const cookies = devices.map((device) => device.cookie());
    await Promise.all(devices.slice(0, 3).map((device) => device.signOut()));
    const statuses = await Promise.all(cookies.map(async (cookie) => (await me(cookie)).status));
    expect(statuses).toEqual([401, 401, 401, 200, 200, 200]);
  });
});

describe("the session cookie of the account forms (lib/session-cookie.ts)", () => {
  it("is the one next-auth's sign-in sets: same name, options and claims, read by the API and by /api/auth/session", async () => {
    const member = await account();
    const viaNextAuth = await signedInBrowser(member.email);
    const cookie = await newSessionCookie(member);
    expect(cookie).toMatchObject({ name: "next-auth.session-token", httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: SESSION_MAX_AGE_SECONDS });

    const secret = process.env.AUTH_SECRET!;
    const claims = (await decode({ token: cookie.value, secret }))!;
    const nextAuthClaims = (await decode({ token: viaNextAuth.sessionToken(), secret }))!;
    expect(Object.keys(claims).sort()).toEqual(Object.keys(nextAuthClaims).sort());
    expect(claims).toMatchObject({ sub: String(member.id), name: member.name, uid: member.id, sv: member.sessionVersion, sid: expect.any(String) });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(SESSION_MAX_AGE_SECONDS);

    expect((await me(`${cookie.name}=${cookie.value}`)).body).toMatchObject({ id: member.id });
    expect(await nextAuthBrowser({ [cookie.name]: cookie.value }).session()).toMatchObject({ user: { id: member.id, name: member.name } });
    expect(await db.session.count({ where: { userId: member.id, revokedAt: null } })).toBe(2);
  });

  it("over https is next-auth's __Secure- cookie, Secure, and read as such", async () => {
    const member = await account();
    vi.stubEnv("NEXTAUTH_URL", "https://agora.example.org");
    try {
      const cookie = await newSessionCookie(member);
      expect(cookie).toMatchObject({ name: "__Secure-next-auth.session-token", secure: true });
      expect(await getActorFromCookies({ [cookie.name]: cookie.value })).toMatchObject({ id: member.id });
    } finally {
      vi.stubEnv("NEXTAUTH_URL", ORIGIN);
    }
  });
});

describe("the session a cookie names", () => {
  it("is refused when expired, even though the cookie itself has not expired", async () => {
    const member = await createMember();
    await db.session.updateMany({ where: { userId: member.id }, data: { createdAt: new Date(Date.now() - 86_400_000), expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(member.cookie)).status).toBe(401);
  });

  it("is refused when missing from the cookie, unknown, malformed, or another user's", async () => {
    const member = await createMember();
    const other = await createMember();
    const secret = process.env.AUTH_SECRET!;
    const otherSid = (await db.session.findFirstOrThrow({ where: { userId: other.id } })).id;
    const forged = async (claims: Record<string, unknown>) =>
      `next-auth.session-token=${await encode({ token: { uid: member.id, sv: member.sessionVersion, ...claims }, secret })}`;
    for (const claims of [{}, { sid: "9b2f3c1e-0000-4000-8000-000000000000" }, { sid: "pas-un-uuid'; --" }, { sid: 42 }, { sid: otherSid }]) {
      expect((await me(await forged(claims))).status, JSON.stringify(claims)).toBe(401);
    }
  });

  it("is still revoked by sign out everywhere, with every other session of the member", async () => {
    const member = await createMember();
    const other = await sessionCookie(member);
    const response = await call(signOutEverywhereRoute, "/api/me/sign-out-everywhere", { method: "POST", headers: { cookie: member.cookie } });
    expect(response.status).toBe(204);
    expect((await me(other)).status).toBe(401);
  });

  it("is read with its user in one SQL statement per request", async () => {
    const member = await createMember();
    const cookies = Object.fromEntries([member.cookie.split("=") as [string, string]]);
    await getActorFromCookies(cookies);
    const query = vi.spyOn(pg.Client.prototype, "query");
    try {
      expect(await getActorFromCookies(cookies)).toMatchObject({ id: member.id });
      expect(query).toHaveBeenCalledTimes(1);
    } finally {
      query.mockRestore();
    }
  });
});

describe("expired sessions", () => {
  it("are pruned as sign-ins write new ones, a bounded batch each time, so the table does not grow", async () => {
    const member = await createMember();
    const expired = SESSION_PRUNE_BATCH * 2 + 10;
    await db.$executeRaw`
      INSERT INTO sessions (user_id, created_at, expires_at)
      SELECT ${member.id}, agora_utc_now() - interval '31 days', agora_utc_now() - interval '1 day' FROM generate_series(1, ${expired})`;
    const countExpired = () => db.session.count({ where: { userId: member.id, expiresAt: { lt: new Date() } } });

    await createSession(member.id);
    expect(await countExpired()).toBe(expired - SESSION_PRUNE_BATCH);
    await Promise.all([createSession(member.id), createSession(member.id)]);
    expect(await countExpired()).toBe(0);
    expect(await db.session.count({ where: { userId: member.id } })).toBe(1 + 3);
  });

  it("one member holds at most MAX_SESSIONS_PER_USER: a sign-in beyond it ends their oldest", async () => {
    const member = await createMember();
    // Signed out cookies count too: signing in and out in a loop must not fill the table either.
    const cookies = [member.cookie];
    for (let i = 0; i < MAX_SESSIONS_PER_USER + 5; i += 1) cookies.push(await sessionCookie(member));
    await db.session.updateMany({ where: { userId: member.id }, data: { revokedAt: new Date() } });
    for (let i = 0; i < 5; i += 1) cookies.push(await sessionCookie(member));
    expect(await db.session.count({ where: { userId: member.id } })).toBe(MAX_SESSIONS_PER_USER);
    const statuses = await Promise.all(cookies.map(async (cookie) => (await me(cookie)).status));
    expect(statuses.slice(-5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
  });
});
