import "server-only";
import { db } from "./db";
import { AppError } from "./errors";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

type Rule = { max: number; windowMs: number; message: string };

/**
 * Every rate limit of the product, in one place. Counted in PostgreSQL (rate_limit_hits), so
 * several app instances share them. RATE_LIMITS=off disables them all, for load tests and
 * benchmarks only: never on a public site.
 */
export const RATE_LIMITS = {
  signInFailuresPerEmail: {
    max: 5,
    windowMs: 15 * MINUTE_MS,
    message: "Trop de tentatives de connexion pour ce compte. Réessayez dans quelques minutes.",
  },
  signInFailuresPerIp: {
    max: 30,
    windowMs: 15 * MINUTE_MS,
    message: "Trop de tentatives de connexion depuis votre adresse. Réessayez dans quelques minutes.",
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

/** Throws a 429 with Retry-After when `subject` has reached the limit; records nothing. */
export async function assertUnderLimit(name: RateLimitName, subject: string) {
  if (isDisabled()) return;
  const { max, windowMs } = RATE_LIMITS[name];
  const [{ wait }] = await db.$queryRaw<{ wait: number | null }[]>`
    SELECT agora_rate_limit_wait(${keyOf(name, subject)}, ${max}::integer, ${windowMs}::integer, agora_utc_now()) AS wait`;
  if (wait !== null) refuse(name, wait);
}

/** Counts one hit against the limit (a failed sign-in, say), whatever the count already is. */
export async function recordHit(name: RateLimitName, subject: string) {
  if (isDisabled()) return;
  await db.$executeRaw`SELECT agora_rate_limit_record(${keyOf(name, subject)}, ${RATE_LIMITS[name].windowMs}::integer, agora_utc_now())`;
}

/**
 * Checks every named limit and, only when all allow it, counts the hit against each: one
 * statement, serialised per subject by an advisory lock, so that concurrent requests cannot all
 * slip under the limit together. The rule itself is SQL (migration rate_limit_function).
 */
export async function consumeRateLimit(names: RateLimitName | RateLimitName[], subject: string) {
  if (isDisabled()) return;
  const list = Array.isArray(names) ? names : [names];
  const [refused] = await db.$queryRaw<{ refused: number; retryAfterSeconds: number }[]>`
    SELECT refused, retry_after_seconds AS "retryAfterSeconds" FROM agora_consume_rate_limit(
      ${list.map((name) => keyOf(name, subject))}::text[],
      ${list.map((name) => RATE_LIMITS[name].max)}::integer[],
      ${list.map((name) => RATE_LIMITS[name].windowMs)}::integer[])`;
  if (refused) refuse(list[refused.refused - 1], refused.retryAfterSeconds);
}
