// Runs in the browser before the app's own code (Next.js's client instrumentation hook).

// zod compiles each object schema with `new Function` when it can, and finds out by trying one:
// under the pages' CSP (no 'unsafe-eval') that try is a violation report and a console error.
// Its interpreter gives the same results. `z.config({ jitless: true })` would do, but importing
// it puts 15 kB of zod (5 kB gzipped) in every page, forms or not; zod keeps that config in this
// global, shared by its copies and read when its first module loads, hence set here, first.
// e2e/csp-violations.spec.ts fails if a zod upgrade stops reading it.
declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };

export {};
