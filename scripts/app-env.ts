// The environment the app needs, filled in for the launcher (scripts/with-database.ts):
// NEXTAUTH_URL defaults to http://localhost:<port>; AUTH_SECRET, when unset, is generated once
// and kept in the data folder, except for a production server on its own DATABASE_URL, which
// must be given one; a production server gets a bounded heap; both servers get the preload that
// records each request's socket address.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DEFAULT_PORT = "3000";

/**
 * The production server's V8 heap, in MB. Unbounded, V8 sizes it from the machine's memory and
 * collects lazily: under load the server grew to 560 MB on a 24 GB machine while its live data
 * fit in far less (BENCHMARKS.md). A NODE_OPTIONS that sets its own limit wins.
 */
export const PRODUCTION_HEAP_MB = 192;

/** Records each request's socket address for the per-address limits (see the module). */
export const CLIENT_ADDRESS_PRELOAD = fileURLToPath(new URL("client-address.cjs", import.meta.url));

/** NODE_OPTIONS for `next dev`: the given ones, plus the socket-address preload. */
export function serverNodeOptions(current = "") {
  if (current.includes(CLIENT_ADDRESS_PRELOAD)) return current;
  return [current, `--require ${JSON.stringify(CLIENT_ADDRESS_PRELOAD)}`].filter(Boolean).join(" ");
}

/** NODE_OPTIONS for `next start`: those of any server, plus the heap limit unless they set one. */
export function productionNodeOptions(current = "") {
  const options = serverNodeOptions(current);
  if (options.includes("--max-old-space-size")) return options;
  return `${options} --max-old-space-size=${PRODUCTION_HEAP_MB}`;
}

function assertTrustedProxies() {
  const value = process.env.TRUSTED_PROXIES;
  if (value && !/^\d+$/.test(value)) {
    throw new Error(`TRUSTED_PROXIES must be the number of reverse proxies in front of the server (0, 1, 2…), not ${JSON.stringify(value)}.`);
  }
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
  else if (command[0] === "next" && command[1] === "dev") env.NODE_OPTIONS = serverNodeOptions(process.env.NODE_OPTIONS);
  assertTrustedProxies();
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
