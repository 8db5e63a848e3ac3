// Runs once when the server starts, before it takes requests (Next.js's instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseTrace } = await import("./lib/unsupported-methods");
  refuseTrace();
}
