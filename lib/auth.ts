import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { cookies } from "next/headers";
import { cache } from "react";
import { clientIp } from "./client-address";
import { AppError } from "./errors";
import { linkGithubAccount } from "./github-accounts";
import { safeCallbackPath, signInSchema } from "./schemas/user";
import { SIGN_IN_LOCKED } from "./sign-in-errors";
import { SESSION_MAX_AGE_SECONDS, type SessionClaims, getSessionActor, openSession, revokeSession } from "./sessions";
import { type Actor, authenticate } from "./users";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The origin browsers use; the launcher defaults it to http://localhost:<port>. */
export function siteUrl() {
  return new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3000");
}

/** Secure cookies over https, and always in production except on this machine's own loopback. */
export function usesSecureCookies() {
  const url = siteUrl();
  return url.protocol === "https:" || (process.env.NODE_ENV === "production" && !LOOPBACK_HOSTS.has(url.hostname));
}

export const authSecret = () => process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;

/** A cookie's claims as read back: any may be missing from a cookie made elsewhere. */
type ReadClaims = Partial<SessionClaims>;

function githubProvider() {
  if (!process.env.GITHUB_ID || !process.env.GITHUB_SECRET) return [];
  return [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })];
}

/** The path of `url` when it is on `baseUrl`'s origin (or already a path), else null. */
function sameOriginPath(url: string, baseUrl: string) {
  if (url.startsWith("/")) return url;
  try {
    const parsed = new URL(url);
    return parsed.origin === new URL(baseUrl).origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
  } catch {
    return null;
  }
}

export const isGithubEnabled = () => githubProvider().length > 0;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: usesSecureCookies(),
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      name: "e-mail",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const actor = await authenticate(parsed.data, clientIp(request.headers ?? {}));
          return actor && { id: String(actor.id), name: actor.name, sessionVersion: actor.sessionVersion };
        } catch (error) {
          // next-auth hands a thrown message to the sign-in form as its error code: a known code,
          // which the form words itself (it shows no text that arrives in the URL).
          if (error instanceof AppError && error.code === "rate_limited") throw new Error(SIGN_IN_LOCKED);
          throw error;
        }
      },
    }),
    ...githubProvider(),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "github") return true;
      const actor = await linkGithubAccount(account.providerAccountId, profile);
      if (!actor) return "/connexion?error=GithubEmailTaken";
      Object.assign(user, { id: String(actor.id), name: actor.name, sessionVersion: actor.sessionVersion });
      return true;
    },
    async jwt({ token, user }) {
      if (!user) return token;
      const sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      return { ...token, ...(await openSession({ id: Number(user.id), name: user.name ?? null, sessionVersion })) };
    },
    // next-auth's default lets through "/.//evil.example" (a browser reads the result as
    // another host): only a safe path on this site, absolute or not, comes out.
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(sameOriginPath(url, baseUrl))}`;
    },
    async session({ session, token }) {
      return { ...session, user: { name: token.name, id: (token as ReadClaims).uid } };
    },
  },
  events: {
    // POST /api/auth/signout: the cookie is cleared in this browser, and its session is revoked
    // so that a copy of the cookie is refused too; the member's other sessions live on.
    async signOut({ token }) {
      const { sid } = (token ?? {}) as ReadClaims;
      if (sid) await revokeSession(sid);
    },
  },
};

/**
 * The signed-in user, read fresh from the database with their session (one query): a role change
 * or a suspension applies at the next request; a signed-out or expired session, an older session
 * version (sign out everywhere, password change) or a deleted user is signed out.
 */
export async function getActorFromCookies(cookieValues: Record<string, string>): Promise<Actor | null> {
  const token = await readSessionClaims(cookieValues);
  if (!token?.uid || !token.sid) return null;
  const actor = await getSessionActor(token.uid, token.sid);
  return actor && actor.sessionVersion === token.sv ? actor : null;
}

/** The claims of the session cookie among these cookies, or null (none, or not ours). */
async function readSessionClaims(cookieValues: Record<string, string>) {
  return (await getToken({
    req: { cookies: cookieValues, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secureCookie: usesSecureCookies(),
    secret: authSecret(),
  })) as ReadClaims | null;
}

/** For route handlers: the actor of a request. */
export function getRequestActor(request: Request) {
  return getActorFromCookies(parseCookies(request.headers.get("cookie") ?? ""));
}

/**
 * For pages and layouts: the viewer of the current request, or null when signed out. Memoised
 * per request (React's cache), so the header, a banner and the page share one database read.
 */
export const getViewer = cache(async () => getActorFromCookies(await requestCookieValues()));

/** For server actions: the claims of the current request's session cookie (to end that session). */
export const getRequestSessionClaims = async () => readSessionClaims(await requestCookieValues());

async function requestCookieValues() {
  const store = await cookies();
  return Object.fromEntries(store.getAll().map((cookie) => [cookie.name, cookie.value]));
}

function parseCookies(header: string): Record<string, string> {
  const entries = header.split(";").flatMap((pair) => {
    const index = pair.indexOf("=");
    if (index < 0) return [];
    try {
      return [[pair.slice(0, index).trim(), decodeURIComponent(pair.slice(index + 1).trim())] as const];
    } catch {
      return [];
    }
  });
  return Object.fromEntries(entries);
}
