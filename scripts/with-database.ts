// Runs a command against the app's database: DATABASE_URL when it is set (in the environment or
// the .env files Next.js reads), else the embedded PostgreSQL under AGORA_DATA_DIR (default
// .data), started here. The database is migrated and, when it has no article yet, seeded; then
// the command runs with DATABASE_URL in its environment. Ctrl-C / SIGTERM stop the command
// first and the embedded server last.
//   tsx scripts/with-database.ts [--no-seed] [--reset] [--restart] [command args…]
//   --no-seed  do not seed an empty database        --reset  start from an empty database (e2e)
//   --restart  the command is a server: when it dies (signal or non-zero code) it is started
//              again, the database staying up (scripts/restart-policy.ts says when to give up)
//   no command: migrate (and seed), then exit
import { type ChildProcess, spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { appEnvironment } from "./app-env";
import { resetDatabase } from "./db/admin";
import { startEmbeddedDatabase } from "./db/embedded-postgres";
import { migrateDatabase } from "./db/migrate";
import { renderStoredMarkdown } from "./db/render-markdown";
import { seedIfEmpty } from "../prisma/seed/seed-database";
import { restartPolicy } from "./restart-policy";

const DEFAULT_DATA_DIR = ".data";
const FLAGS = new Set(["--no-seed", "--reset", "--restart"]);
const PARENT_CHECK_MS = 1_000;

const dataDir = () => process.env.AGORA_DATA_DIR || DEFAULT_DATA_DIR;

async function openDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  return startEmbeddedDatabase(dataDir());
}

async function main() {
  loadEnvConfig(process.cwd(), process.argv.includes("dev"));
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((arg, index) => FLAGS.has(arg) && args.slice(0, index).every((a) => FLAGS.has(a))));
  const command = args.slice(flags.size);

  let appEnv: Record<string, string>;
  try {
    appEnv = appEnvironment(command, dataDir(), !process.env.DATABASE_URL);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const database = await openDatabase();
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch((error) => console.error("Could not stop PostgreSQL:", error));
    process.exit(code);
  };

  try {
    if (flags.has("--reset")) await resetDatabase(database.url);
    const applied = await migrateDatabase(database.url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    await renderStoredMarkdown(database.url);
    if (!flags.has("--no-seed") && (await seedIfEmpty(database.url))) console.log("Seeded the article and its questions.");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return shutdown(1);
  }
  if (command.length === 0) return shutdown(0);

  // The project's own binaries (next, prisma) resolve as they do under npm run.
  const PATH = [path.resolve("node_modules/.bin"), process.env.PATH].join(path.delimiter);
  const env = { ...process.env, ...appEnv, PATH, DATABASE_URL: database.url };
  const isServer = flags.has("--restart");
  const restarts = restartPolicy();
  let child: ChildProcess;
  let isStopRequested = false;
  let restartTimer: NodeJS.Timeout | undefined;
  const exitStatus = (code: number | null, signal: NodeJS.Signals | null) => code ?? 128 + (signal ? constants.signals[signal] : 0);

  const run = () => {
    restartTimer = undefined;
    child = spawn(command[0], command.slice(1), { stdio: "inherit", env });
    child.on("exit", (code, signal) => {
      if (isStopRequested || !isServer || code === 0) return shutdown(exitStatus(code, signal));
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const delay = restarts.onCrash();
      if (delay === null) {
        console.error(`${command.join(" ")} ${how}, and crashed too often in the last minute: stopping. Read the errors above, then start again.`);
        return shutdown(exitStatus(code, signal) || 1);
      }
      console.error(`${command.join(" ")} ${how}: restarting it in ${delay} ms (the database stays up).`);
      restartTimer = setTimeout(run, delay);
    });
  };
  const stop = (signal: NodeJS.Signals) => {
    isStopRequested = true;
    // Between a crash and its restart there is no command to stop.
    if (restartTimer) return shutdown(128 + constants.signals[signal]);
    child.kill(signal);
  };
  run();
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // The terminal's Ctrl-C reaches the child too; forwarding covers a plain `kill`.
    process.on(signal, () => stop(signal));
  }
  // `kill <npm pid>` ends npm and its shell without telling this process: when the parent is
  // gone, stop as if SIGTERM had come.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop("SIGTERM"), PARENT_CHECK_MS).unref();
}

main();
