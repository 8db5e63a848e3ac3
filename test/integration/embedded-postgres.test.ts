import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "@/scripts/db/embedded-postgres";
import { withClient } from "@/scripts/db/admin";

const dataDir = path.resolve(`.data/test-embedded-${process.pid}`);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function postmasterPid() {
  return Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the server from another process, as `npm run dev` would, and returns that process. */
async function startInChildProcess() {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/hold-embedded-database.ts", dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(String(chunk).trim()));
    child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
  });
  return { child, url };
}

describe("embedded PostgreSQL", () => {
  it("starts a real server, stops it cleanly, and keeps the data for the next start", async () => {
    const first = await startEmbeddedDatabase(dataDir);
    expect(first.isOwner).toBe(true);
    await withClient(first.url, async (client) => {
      const { rows } = await client.query("SHOW server_version");
      expect(Number.parseInt(rows[0].server_version, 10)).toBeGreaterThanOrEqual(16);
      await client.query("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('toujours là')");
    });
    const pid = postmasterPid();
    await first.stop();
    expect(isRunning(pid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

    const second = await startEmbeddedDatabase(dataDir);
    const { rows } = await withClient(second.url, (client) => client.query("SELECT note FROM kept"));
    expect(rows).toEqual([{ note: "toujours là" }]);
    await second.stop();
  });

  it("joins the server of a live app without taking it over", async () => {
    const { child, url } = await startInChildProcess();
    try {
      const joined = await startEmbeddedDatabase(dataDir);
      expect(joined.isOwner).toBe(false);
      expect(new URL(joined.url).port).toBe(new URL(url).port);
      await joined.stop();
      expect(isRunning(postmasterPid())).toBe(true);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("recovers by itself after its app was killed with SIGKILL, leaving the server orphaned", async () => {
    const { child, url } = await startInChildProcess();
    await withClient(url, (client) => client.query("CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (42)"));
    const orphan = postmasterPid();
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    expect(isRunning(orphan)).toBe(true);

    const recovered = await startEmbeddedDatabase(dataDir);
    expect(recovered.isOwner).toBe(true);
    expect(isRunning(orphan)).toBe(false);
    const { rows } = await withClient(recovered.url, (client) => client.query("SELECT id FROM survivor"));
    expect(rows).toEqual([{ id: 42 }]);
    await recovered.stop();
  });
});
