// Signing in and out from a server action (the account forms), with exactly the cookie next-auth's
// Credentials sign-in sets (next-auth/core/routes/callback.js): the same name, options, secret and
// claims, so that getViewer(), the JSON API and next-auth's own /api/auth/session all accept it.
import "server-only";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authSecret, getRequestSessionClaims, usesSecureCookies } from "./auth";
import { SESSION_MAX_AGE_SECONDS, type SessionUser, openSession, revokeSession } from "./sessions";

/** next-auth's name for it (next-auth/core/lib/cookie.js), the one getToken() reads. */
const sessionCookieName = () => `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
const cookieOptions = () => ({ httpOnly: true, sameSite: "lax", path: "/", secure: usesSecureCookies() }) as const;

/** A new session of the user (a row of its own), as the cookie that carries it. */
export async function newSessionCookie(user: SessionUser) {
  const secret = authSecret();
  if (!secret) throw new Error("AUTH_SECRET is not set: no session cookie can be signed.");
  const value = await encode({ token: await openSession(user), secret, maxAge: SESSION_MAX_AGE_SECONDS });
  return { name: sessionCookieName(), value, ...cookieOptions(), maxAge: SESSION_MAX_AGE_SECONDS };
}

/** Signs the browser of the current server action in as the user. */
export async function startSession(user: SessionUser) {
  (await cookies()).set(await newSessionCookie(user));
}

/**
 * Signs the browser of the current server action out: its session row is revoked, so that a copy
 * of the cookie is refused too, and the cookie is cleared (with its options: a __Secure- cookie is
 * only replaced by a Secure one).
 */
export async function endSession() {
  const claims = await getRequestSessionClaims();
  if (claims?.sid) await revokeSession(claims.sid);
  (await cookies()).set({ name: sessionCookieName(), value: "", ...cookieOptions(), maxAge: 0 });
}
