// Runs once when the server starts, before it takes requests (Next.js's instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseTrace } = await import("./lib/unsupported-methods");
  refuseTrace();
}

// A page that failed because the database is down starts an outage: proxy.ts answers 503 until it is back.
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteRequestError } = await import("./lib/database-outage");
  noteRequestError(error);
}
