// The forum as a visitor meets it, for the audit and the screenshots: the production build
// (rebuilt when stale) served by `next start` through the launcher, as playwright.config.ts
// starts the e2e server, on an embedded database of its own (.data/audit, emptied at each start)
// holding the seeded article and a thread of 120 contributions.
import { type ChildProcess, spawn } from "node:child_process";
import { withClient } from "../db/admin";
import { runningDatabaseUrl } from "../db/embedded-postgres";
import { freePort } from "../free-port";
import { ensureProductionBuild } from "./build-freshness";
import { seedLongThread } from "./seed-long-thread";

const DATA_DIR = ".data/audit";
const START_TIMEOUT_MS = 120_000;

export type ProductionSite = { origin: string; longThreadPath: string; stop(): Promise<void> };

async function waitForHealth(origin: string, launcher: ChildProcess) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (launcher.exitCode !== null) throw new Error(`The server stopped at start-up (code ${launcher.exitCode}): read its errors above.`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${origin} did not answer within ${START_TIMEOUT_MS / 1000} s.`);
}

/** Stops the server, then its database (the launcher's own order on SIGTERM). */
function stopLauncher(launcher: ChildProcess) {
  if (launcher.exitCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    launcher.once("exit", () => resolve());
    launcher.kill("SIGTERM");
  });
}

export async function startProductionSite({ forceBuild = false } = {}): Promise<ProductionSite> {
  ensureProductionBuild(forceBuild);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const launcher = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/with-database.ts", "--reset", "next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      // DATABASE_URL empty: always the embedded database of DATA_DIR, never the one of .env.local.
      env: { ...process.env, AGORA_DATA_DIR: DATA_DIR, DATABASE_URL: "", NEXTAUTH_URL: origin, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    await waitForHealth(origin, launcher);
    const databaseUrl = runningDatabaseUrl(DATA_DIR);
    if (!databaseUrl) throw new Error(`The database of ${DATA_DIR} is not running.`);
    const longThreadPath = await withClient(databaseUrl, seedLongThread);
    return { origin, longThreadPath, stop: () => stopLauncher(launcher) };
  } catch (error) {
    await stopLauncher(launcher);
    throw error;
  }
}
