// Tells a database that cannot be reached (down, restarting, refusing connections) from every other
// failure, so that lib/http.ts answers 503 and a retry later, not a 500 that blames the request.
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

export function isDatabaseUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && current && typeof current === "object"; depth += 1) {
    const { code, kind, message, cause, meta } = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof kind === "string" && UNREACHABLE_KINDS.has(kind)) return true;
    if (typeof code === "string" && UNREACHABLE_CODES.test(code)) return true;
    if (typeof message === "string" && UNREACHABLE_MESSAGES.test(message)) return true;
    current = meta?.driverAdapterError ?? cause;
  }
  return false;
}

export function databaseUnavailable() {
  return new AppError("unavailable", "Le forum ne joint pas sa base de données pour le moment. Réessayez dans quelques secondes.", {
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}
