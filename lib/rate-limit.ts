import "server-only";
import { db } from "./db";
import { AppError } from "./errors";
import type { Prisma } from "./generated/prisma/client";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

type Rule = { max: number; windowMs: number; message: string };

/**
 * Every rate limit of the product, in one place. Counted in PostgreSQL (rate_limit_hits), so
 * several app instances share them. RATE_LIMITS=off disables them all, for load tests and
 * benchmarks only: never on a public site.
 */
export const RATE_LIMITS = {
  // Sign-in: every attempt is counted before its password is checked, and taken back when the
  // password was right (lib/users.ts). Strict per account and address, so a guesser is soon
  // stopped while a stranger elsewhere cannot lock the owner out; looser per account alone, so
  // guesses spread over many addresses stay bounded (NIST SP 800-63B: at most 100 failures).
  signInFailuresPerEmailAndIp: {
    max: 5,
    windowMs: 15 * MINUTE_MS,
    message: "Trop de tentatives de connexion à ce compte depuis votre adresse. Réessayez dans quelques minutes.",
  },
  signInFailuresPerIp: {
    max: 30,
    windowMs: 15 * MINUTE_MS,
    message: "Trop de tentatives de connexion depuis votre adresse. Réessayez dans quelques minutes.",
  },
  signInFailuresPerEmail: {
    max: 100,
    windowMs: HOUR_MS,
    message: "Ce compte reçoit trop de tentatives de connexion en ce moment. Réessayez dans une heure.",
  },
  signUpsPerIp: {
    max: 10,
    windowMs: HOUR_MS,
    message: "Trop d’inscriptions depuis votre adresse. Réessayez dans une heure.",
  },
  // Posts and proposed threads alike.
  postsPerMemberBurst: {
    max: 1,
    windowMs: 10_000,
    message: "Vous venez de publier : attendez quelques secondes avant la prochaine contribution.",
  },
  postsPerMemberHour: {
    max: 30,
    windowMs: HOUR_MS,
    message: "Vous avez atteint 30 contributions en une heure. Réessayez plus tard.",
  },
  // Votes on posts and threads, and stances.
  votesPerMember: {
    max: 60,
    windowMs: MINUTE_MS,
    message: "Vous votez très vite : attendez une minute avant de continuer.",
  },
  // Texts the renderer gave up on (time or memory): each held the one render worker everybody
  // shares for up to its time bound. Counted before the render, taken back when it succeeds.
  unrenderableTextsPerMember: {
    max: 3,
    windowMs: 10 * MINUTE_MS,
    message: "Vos derniers textes étaient trop complexes à mettre en forme : simplifiez-les et réessayez dans quelques minutes.",
  },
  // Changes of position credited to posts (« Ce message m'a fait changer d'avis »): each credit is
  // once per member and post already; this bounds how fast one member can hand them out.
  mindChangeCreditsPerMember: {
    max: 6,
    windowMs: 24 * HOUR_MS,
    message: "Vous avez attribué six changements d’avis aujourd’hui : réessayez demain.",
  },
  reportsPerMember: {
    max: 10,
    windowMs: HOUR_MS,
    message: "Vous avez fait 10 signalements en une heure : la modération les examine. Réessayez plus tard.",
  },
} as const satisfies Record<string, Rule>;

export type RateLimitName = keyof typeof RATE_LIMITS;

const isDisabled = () => process.env.RATE_LIMITS === "off";

function keyOf(name: RateLimitName, subject: string) {
  return `${name}:${subject}`;
}

function refuse(name: RateLimitName, retryAfterSeconds: number): never {
  throw new AppError("rate_limited", RATE_LIMITS[name].message, {
    headers: { "retry-after": String(retryAfterSeconds) },
  });
}

/** A hit to count: which limit, for whom. */
export type RateLimitHit = readonly [name: RateLimitName, subject: string];

/** The database, or the transaction of the write being limited. */
type SqlClient = Pick<Prisma.TransactionClient, "$queryRaw">;

// No hit older than the longest window counts for anything: the SQL function prunes those.
/** How long a hit is kept: the longest window (a hit older than it counts for no limit). */
export const RETENTION_MS = Math.max(...Object.values(RATE_LIMITS).map((rule) => rule.windowMs));

/**
 * Checks every limit and, only when all allow it, counts the hit against each: one statement,
 * serialised per key by advisory locks, so that concurrent requests cannot all slip under a
 * limit together. Given the transaction of a write, the hits are counted only if it commits.
 * Returns the ids of the hits, for refundRateLimit. The rule itself is SQL (migrations
 * rate_limit_function, rate_limit_attempts).
 */
export async function consumeRateLimits(hits: readonly RateLimitHit[], client: SqlClient = db): Promise<bigint[]> {
  if (isDisabled()) return [];
  const [result] = await client.$queryRaw<{ refused: number | null; retryAfterSeconds: number | null; hitIds: bigint[] | null }[]>`
    SELECT refused, retry_after_seconds AS "retryAfterSeconds", hit_ids AS "hitIds" FROM agora_consume_rate_limit(
      ${hits.map(([name, subject]) => keyOf(name, subject))}::text[],
      ${hits.map(([name]) => RATE_LIMITS[name].max)}::integer[],
      ${hits.map(([name]) => RATE_LIMITS[name].windowMs)}::integer[],
      ${RETENTION_MS}::integer)`;
  if (result.refused !== null) refuse(hits[result.refused - 1][0], result.retryAfterSeconds ?? 1);
  return result.hitIds ?? [];
}

/** consumeRateLimits for limits that share one subject (a member's id, an address). */
export function consumeRateLimit(names: RateLimitName | readonly RateLimitName[], subject: string, client?: SqlClient) {
  const list: readonly RateLimitName[] = typeof names === "string" ? [names] : names;
  return consumeRateLimits(list.map((name) => [name, subject] as const), client);
}

/** Takes back hits that consumeRateLimits counted: the attempt turned out not to count. */
export async function refundRateLimit(hitIds: bigint[]) {
  if (hitIds.length === 0) return;
  await db.$executeRaw`DELETE FROM rate_limit_hits WHERE id = ANY(${hitIds}::bigint[])`;
}
