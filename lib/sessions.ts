import "server-only";
import { db } from "./db";
import { type Actor, actorFields } from "./users";

/**
 * How long a session lasts from sign-in. The database's expiry is the one that counts: next-auth
 * renews the cookie's own expiry whenever /api/auth/session is read, so the cookie alone would
 * never end.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Expired sessions deleted by each sign-in: more than the one row it adds, so the table never
 * holds many more rows than live sessions, for bounded work per sign-in.
 */
export const SESSION_PRUNE_BATCH = 100;

/**
 * Unexpired sessions (revoked ones included) a member may hold; a sign-in beyond it deletes their
 * oldest. Signing in is not rate-limited once the password is right: without a cap, one account
 * signing in and out in a loop could fill the table.
 */
export const MAX_SESSIONS_PER_USER = 20;

// Session ids are the database's UUIDs; anything else would make PostgreSQL raise on the cast.
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens a session for a sign-in and returns its id (for the JWT), in one statement that also
 * prunes expired sessions and ends the member's oldest beyond MAX_SESSIONS_PER_USER.
 */
export async function createSession(userId: number) {
  const [session] = await db.$queryRaw<{ id: string }[]>`
    WITH pruned AS (
      DELETE FROM sessions WHERE id IN (
        SELECT id FROM sessions WHERE expires_at < agora_utc_now() LIMIT ${SESSION_PRUNE_BATCH} FOR UPDATE SKIP LOCKED)),
    surplus AS (
      DELETE FROM sessions WHERE id IN (
        SELECT id FROM sessions WHERE user_id = ${userId} AND expires_at >= agora_utc_now()
        ORDER BY created_at DESC, id DESC OFFSET ${MAX_SESSIONS_PER_USER - 1}))
    INSERT INTO sessions (user_id, created_at, expires_at)
    VALUES (${userId}, agora_utc_now(), agora_utc_now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS}))
    RETURNING id::text`;
  return session.id;
}

/** Who a session is opened for. */
export type SessionUser = { id: number; name: string | null; sessionVersion: number };

/**
 * What the session cookie's JWT carries, beside next-auth's own iat, exp and jti: next-auth's
 * default claims (sub, name), the user, their session version and the session's row. Written here
 * once for both ways of signing in: next-auth's jwt callback and the sign-in form's server action.
 */
export type SessionClaims = { sub: string; name: string | null; uid: number; sv: number; sid: string };

/** Opens a session row for a sign-in and returns the claims that name it. */
export async function openSession(user: SessionUser): Promise<SessionClaims> {
  return { sub: String(user.id), name: user.name, uid: user.id, sv: user.sessionVersion, sid: await createSession(user.id) };
}

/** Ends one session (a sign-out): its cookie, wherever it was copied, is refused from now on. */
export async function revokeSession(sessionId: string) {
  if (!SESSION_ID.test(sessionId)) return;
  await db.$executeRaw`UPDATE sessions SET revoked_at = agora_utc_now() WHERE id = ${sessionId}::uuid AND revoked_at IS NULL`;
}

/**
 * The user of a live session, read fresh with the session in one query: null when the session
 * is unknown, revoked, expired or not that user's.
 */
export async function getSessionActor(userId: number, sessionId: string): Promise<Actor | null> {
  if (!SESSION_ID.test(sessionId)) return null;
  const session = await db.session.findUnique({
    select: { userId: true, user: { select: actorFields } },
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } },
  });
  return session?.userId === userId ? session.user : null;
}
