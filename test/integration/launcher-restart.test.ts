// The launcher of `npm start` (scripts/with-database.ts --restart) keeps the site up: a server
// killed with SIGKILL comes back on the same, never-stopped, embedded PostgreSQL; a crash loop
// ends cleanly; SIGTERM still stops both. A stand-in server plays `next start` (a build takes minutes).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runningDatabaseUrl } from "@/scripts/db/embedded-postgres";
import { freePort } from "@/scripts/free-port";

const dataDir = path.resolve(`.data/test-launcher-${process.pid}`);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const STAND_IN = [process.execPath, "--import", "tsx", "test/support/stand-in-server.ts"];

type Launcher = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

function launch(args: string[], port: number): Launcher {
  const env: NodeJS.ProcessEnv = { ...process.env, AGORA_DATA_DIR: dataDir, PORT: String(port), NODE_OPTIONS: "" };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/with-database.ts", "--no-seed", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exit };
}

type Answer = { pid: number; databaseStartedAt: string };

/** The stand-in's answer, once a process other than `previousPid` serves the port. */
async function answer(port: number, launcher: Launcher, previousPid?: number): Promise<Answer> {
  let exited = false;
  void launcher.exit.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`the launcher exited:\n${launcher.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) {
        const body = (await response.json()) as Answer;
        if (body.pid !== previousPid) return body;
      }
    } catch {
      // not listening (yet, or again)
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the launcher with --restart", () => {
  it("brings a server killed with SIGKILL back on the same database server, and SIGTERM still stops both", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const launcher = launch(["--restart", ...STAND_IN], port);
    const first = await answer(port, launcher);

    process.kill(first.pid, "SIGKILL");
    const second = await answer(port, launcher, first.pid);
    expect(second.databaseStartedAt).toBe(first.databaseStartedAt);
    // And again: each crash is restarted.
    process.kill(second.pid, "SIGKILL");
    const third = await answer(port, launcher, second.pid);
    expect(third.databaseStartedAt).toBe(first.databaseStartedAt);
    expect(launcher.output()).toContain("was killed by SIGKILL: restarting it");

    launcher.child.kill("SIGTERM");
    expect(await launcher.exit).toBe(128 + 15);
    expect(runningDatabaseUrl(dataDir)).toBeNull();
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("gives up on a server that crashes in a loop, with a clear message, and stops the database", { timeout: 120_000 }, async () => {
    const launcher = launch(["--restart", process.execPath, "-e", "process.exit(3)"], await freePort());
    expect(await launcher.exit).toBe(3);
    expect(launcher.output().match(/exited with code 3: restarting it/g)).toHaveLength(4);
    expect(launcher.output()).toContain("crashed too often in the last minute: stopping");
    expect(runningDatabaseUrl(dataDir)).toBeNull();
  });

  it("does not restart a command that is not a server", { timeout: 120_000 }, async () => {
    const launcher = launch([process.execPath, "-e", "process.exit(3)"], await freePort());
    expect(await launcher.exit).toBe(3);
    expect(launcher.output()).not.toContain("restarting");
    expect(runningDatabaseUrl(dataDir)).toBeNull();
  });
});
