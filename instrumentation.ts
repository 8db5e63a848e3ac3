// Runs once when the server starts, before it takes requests (Next.js's instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseMethodsFetchForbids } = await import("./lib/unsupported-methods");
  refuseMethodsFetchForbids();
}
