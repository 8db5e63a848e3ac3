// Shared by the benchmark's scripts.
export const BENCH_DATA_DIR = ".data/bench";
export const BENCH_DATABASE = "agora_bench";
/** Every benchmark user's password, to sign in by hand on the benchmark database. */
export const BENCH_PASSWORD = "mot de passe du banc d’essai";
