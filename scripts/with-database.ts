// Runs a command against the app's database: DATABASE_URL when it is set, else the embedded
// PostgreSQL under AGORA_DATA_DIR (default .data), started here. The database is migrated and,
// when it has no article yet, seeded; then the command runs with DATABASE_URL in its
// environment. Ctrl-C / SIGTERM stop the command first and the embedded server last.
//   tsx scripts/with-database.ts [--no-seed] [command args…]   (no command: migrate, seed, exit)
import { spawn } from "node:child_process";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./db/embedded-postgres";
import { migrateDatabase } from "./db/migrate";
import { seedIfEmpty } from "../prisma/seed/seed-database";

const DEFAULT_DATA_DIR = ".data";

async function openDatabase(): Promise<Pick<EmbeddedDatabase, "url" | "stop">> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  return startEmbeddedDatabase(process.env.AGORA_DATA_DIR || DEFAULT_DATA_DIR);
}

async function main() {
  const args = process.argv.slice(2);
  const shouldSeed = args[0] !== "--no-seed";
  const command = shouldSeed ? args : args.slice(1);

  const database = await openDatabase();
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch((error) => console.error("Could not stop PostgreSQL:", error));
    process.exit(code);
  };

  try {
    const applied = await migrateDatabase(database.url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    if (shouldSeed && (await seedIfEmpty(database.url))) console.log("Seeded the article and its questions.");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return shutdown(1);
  }
  if (command.length === 0) return shutdown(0);

  const child = spawn(command[0], command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // The terminal's Ctrl-C reaches the child too; forwarding covers a plain `kill`.
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => shutdown(code ?? (signal ? 128 + 2 : 1)));
}

main();
