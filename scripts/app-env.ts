// The environment the app needs, filled in for the launcher (scripts/with-database.ts):
// NEXTAUTH_URL defaults to http://localhost:<port>; AUTH_SECRET, when unset, is generated once
// and kept in the data folder, except for a production server on its own DATABASE_URL, which
// must be given one; a production server gets a bounded heap.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const DEFAULT_PORT = "3000";

/**
 * The production server's V8 heap, in MB. Unbounded, V8 sizes it from the machine's memory and
 * collects lazily: under load the server grew to 560 MB on a 24 GB machine while its live data
 * fit in far less (BENCHMARKS.md). A NODE_OPTIONS that sets its own limit wins.
 */
export const PRODUCTION_HEAP_MB = 192;

/** NODE_OPTIONS for `next start`: the given ones, plus the heap limit unless they set one. */
export function productionNodeOptions(current = "") {
  if (current.includes("--max-old-space-size")) return current;
  return [current, `--max-old-space-size=${PRODUCTION_HEAP_MB}`].filter(Boolean).join(" ");
}

function portOf(command: string[]) {
  const flag = command.findIndex((arg) => arg === "-p" || arg === "--port");
  return (flag >= 0 && command[flag + 1]) || process.env.PORT || DEFAULT_PORT;
}

function storedSecret(dataDir: string) {
  const file = path.resolve(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Variables to add to the app's environment; throws when production lacks its secret. */
export function appEnvironment(command: string[], dataDir: string, isEmbedded: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  const isProductionServer = command[0] === "next" && command[1] === "start";
  if (isProductionServer) env.NODE_OPTIONS = productionNodeOptions(process.env.NODE_OPTIONS);
  if (!process.env.NEXTAUTH_URL) env.NEXTAUTH_URL = `http://localhost:${portOf(command)}`;
  if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
    if (isProductionServer && !isEmbedded) {
      throw new Error(
        "AUTH_SECRET is not set. A production server on DATABASE_URL needs a secret of its own to sign sessions: " +
          "set AUTH_SECRET to a long random string (e.g. `openssl rand -base64 32`).",
      );
    }
    env.AUTH_SECRET = storedSecret(dataDir);
  }
  return env;
}
