// Tells a database that cannot be reached (down, restarting, refusing connections) from every other
// failure, so that lib/http.ts answers 503 and a retry later, not a 500 that blames the request; and
// the database's own refusals the app also checks first (a write on a closed question), which only
// a race reaches, as the same 409 the check gives.
import { AppError } from "./errors";

/** Seconds a client should wait before retrying: about what a supervised restart takes (README). */
const RETRY_AFTER_SECONDS = 5;

/** What the driver adapter (@prisma/adapter-pg) reports when the connection is impossible or lost. */
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * Prisma's codes (P1001 can't reach, P1002 timed out, P1017 connection closed, P2024 pool
 * timeout), Node's socket errors, PostgreSQL's shutdown / starting-up (57P01–57P03) and
 * connection-exception (08…) states.
 */
const UNREACHABLE_CODES = /^(P1001|P1002|P1017|P2024|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|57P0[1-3]|08...)$/;

/** pg's own wording when the server goes away mid-connection (it carries no code). */
const UNREACHABLE_MESSAGES = /Connection terminated|Can't reach database server|Connection ended unexpectedly/;

/** Errors nest: Prisma's error → meta.driverAdapterError → its cause, or Error.cause chains. */
const MAX_DEPTH = 6;

type ErrorLink = { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

/** Whether the error, or one it wraps, passes the test. */
function someInChain(error: unknown, test: (link: ErrorLink) => boolean): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && current && typeof current === "object"; depth += 1) {
    const link = current as ErrorLink;
    if (test(link)) return true;
    current = link.meta?.driverAdapterError ?? link.cause;
  }
  return false;
}

export function isDatabaseUnreachable(error: unknown): boolean {
  return someInChain(
    error,
    ({ code, kind, message }) =>
      (typeof kind === "string" && UNREACHABLE_KINDS.has(kind)) ||
      (typeof code === "string" && UNREACHABLE_CODES.test(code)) ||
      (typeof message === "string" && UNREACHABLE_MESSAGES.test(message)),
  );
}

/** The SQLSTATE the database raises for a post, a vote or a stance on a closed question. */
const CLOSED_QUESTION_CODE = "AGCLO";

export function isClosedQuestionRefusal(error: unknown): boolean {
  return someInChain(error, ({ code, originalCode }) => code === CLOSED_QUESTION_CODE || originalCode === CLOSED_QUESTION_CODE);
}

/** The question was closed between the app's check and its write: the check's answer, a moment late. */
export function closedQuestionConflict() {
  return new AppError("conflict", "Cette question vient d’être close : rien n’a été enregistré, ses votes et ses positions sont désormais définitifs.");
}

/** A write the database may refuse because its question was closed meanwhile: that refusal becomes the 409. */
export async function refusingClosedQuestion<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw isClosedQuestionRefusal(error) ? closedQuestionConflict() : error;
  }
}

/** What a database failure means to the user, as an AppError; null for a failure that is a bug. */
export function databaseAppError(error: unknown): AppError | null {
  if (isDatabaseUnreachable(error)) return databaseUnavailable();
  if (isClosedQuestionRefusal(error)) return closedQuestionConflict();
  return null;
}

export function databaseUnavailable() {
  return new AppError("unavailable", "Le forum ne joint pas sa base de données pour le moment. Réessayez dans quelques secondes.", {
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}
