// A page cannot choose its status: one that fails because PostgreSQL is down answers 500 (with
// app/error.tsx). So that failure is remembered (instrumentation.ts reports it) and, until the
// database answers again, proxy.ts serves every page a 503 at once, probing the database at
// most once a second meanwhile. The state lives on globalThis: the proxy and the pages are
// bundled apart but run in one process.
import pg from "pg";
import { databaseUnavailable, isDatabaseUnreachable } from "./db-errors";

const PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_000;

type Outage = { probedAt: number; probe: Promise<boolean> | null };
const OUTAGE = Symbol.for("agora.databaseOutage");
const shared = globalThis as unknown as Record<typeof OUTAGE, Outage | undefined>;

/** For Next.js's onRequestError: a failure that says the database cannot be reached starts an outage. */
export function noteRequestError(error: unknown) {
  if (isDatabaseUnreachable(error)) shared[OUTAGE] ??= { probedAt: Date.now(), probe: null };
}

async function isReachable(url: string | undefined) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether an outage noted earlier still lasts; concurrent callers share one probe. */
export async function isDatabaseDown(): Promise<boolean> {
  const outage = shared[OUTAGE];
  if (!outage) return false;
  if (Date.now() - outage.probedAt < PROBE_INTERVAL_MS) return true;
  outage.probe ??= isReachable(process.env.DATABASE_URL).then((isUp) => {
    outage.probedAt = Date.now();
    outage.probe = null;
    if (isUp) shared[OUTAGE] = undefined;
    return !isUp;
  });
  return outage.probe;
}

/** The page served during an outage: a 503 that says to retry, and when. */
export function unavailablePage() {
  const { message, details } = databaseUnavailable();
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Forum momentanément indisponible — Agora</title></head><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem"><main><h1>Forum momentanément indisponible</h1><p>${message}</p><p><a href="">Réessayer</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...details?.headers },
  });
}
