// Runs in the browser before the app's own code (Next.js's client instrumentation hook).
import { config } from "zod/v4/core";

// zod compiles each object schema with `new Function` when it can, and finds out by trying one:
// under the pages' CSP (no 'unsafe-eval') that try is a violation report and a console error.
// Its interpreter gives the same results; this must run before the first schema is built, hence here.
config({ jitless: true });
