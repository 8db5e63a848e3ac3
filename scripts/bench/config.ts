// Shared by the benchmark's scripts.
/** The embedded server's folder (BENCH_DATA_DIR: the test suite's smoke run uses its own). */
export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR || ".data/bench";
export const BENCH_DATABASE = "agora_bench";
/** Every benchmark user's password, to sign in by hand on the benchmark database. */
export const BENCH_PASSWORD = "mot de passe du banc d’essai";

/** BENCH_DATABASE_URL (a local server of your own) or, when unset, the embedded server. */
export function benchServerUrl() {
  return process.env.BENCH_DATABASE_URL || null;
}
