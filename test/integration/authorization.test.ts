import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { route } from "@/lib/http";
import { withClient } from "@/scripts/db/admin";
import { startEmbeddedDatabase } from "@/scripts/db/embedded-postgres";
import { migrateDatabase } from "@/scripts/db/migrate";
import { createPrismaClient } from "@/lib/prisma-client";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

// Stand-ins for the product's write endpoints, one per access level.
const memberWrite = route({ auth: "user" }, async ({ actor }) => ({ by: actor.id }));
const moderatorWrite = route({ auth: "MODERATOR" }, async ({ actor }) => ({ by: actor.id }));
const adminWrite = route({ auth: "ADMIN" }, async ({ actor }) => ({ by: actor.id }));
const post = (handler: typeof memberWrite, cookie?: string) =>
  call(handler, "/api/write", { method: "POST", headers: cookie ? { cookie } : {} });

describe("server-side authorization", () => {
  it.each([
    ["anonymous", undefined, [401, 401, 401]],
    ["a member", {}, [200, 403, 403]],
    ["a suspended member", { suspendedUntil: new Date(Date.now() + 3_600_000) }, [403, 403, 403]],
    ["an indefinitely suspended member", { suspendedUntil: null }, [403, 403, 403]],
    ["a member whose suspension has ended", { suspendedUntil: new Date(Date.now() - 1000) }, [200, 403, 403]],
    ["a moderator", { role: "MODERATOR" as const }, [200, 200, 403]],
    ["an admin", { role: "ADMIN" as const }, [200, 200, 200]],
  ])("gives %s the right statuses for member/moderator/admin writes", async (_label, who, expected) => {
    const cookie = who ? (await createMember(who)).cookie : undefined;
    const statuses = [(await post(memberWrite, cookie)).status, (await post(moderatorWrite, cookie)).status, (await post(adminWrite, cookie)).status];
    expect(statuses).toEqual(expected);
  });

  it("refuses a suspended member's write from the very next request, with the same token", async () => {
    const member = await createMember();
    expect((await post(memberWrite, member.cookie)).status).toBe(200);
    await db.user.update({ where: { id: member.id }, data: { suspendedAt: new Date(), suspendedUntil: null } });
    const refused = await post(memberWrite, member.cookie);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("suspendu");
  });
});

describe("npm run user:role", () => {
  const runCli = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    spawnSync("npm", ["run", "--silent", "user:role", "--", ...args], { encoding: "utf8", env });

  it("sets a role from the shell on DATABASE_URL", async () => {
    const member = await createMember();
    const result = runCli([member.email.toUpperCase(), "MODERATOR"]);
    expect(result.stdout).toContain("MODERATOR");
    expect(result.status).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("MODERATOR");
  });

  it("fails clearly for an unknown email or role, and changes nothing", async () => {
    const member = await createMember();
    const unknown = runCli(["nobody@example.test", "ADMIN"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("nobody@example.test");
    const badRole = runCli([member.email, "KING"]);
    expect(badRole.status).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("MEMBER");
  });

  it("sets a role on the embedded database, whether or not the app is running", async () => {
    const dataDir = path.resolve(`.data/test-role-cli-${process.pid}`);
    const env = { ...process.env, DATABASE_URL: "", AGORA_DATA_DIR: dataDir };
    const roleOf = (url: string) =>
      withClient(url, async (client) => (await client.query("SELECT role FROM users WHERE email = 'cli@example.test'")).rows[0].role);
    try {
      const running = await startEmbeddedDatabase(dataDir);
      await migrateDatabase(running.url);
      await withClient(running.url, (client) =>
        client.query("INSERT INTO users (email, name, updated_at) VALUES ('cli@example.test', 'Cli', now())"),
      );
      expect(runCli(["cli@example.test", "MODERATOR"], env).status).toBe(0);
      expect(await roleOf(running.url)).toBe("MODERATOR");
      await running.stop();

      expect(runCli(["cli@example.test", "ADMIN"], env).status).toBe(0);
      const restarted = await startEmbeddedDatabase(dataDir);
      expect(await roleOf(restarted.url)).toBe("ADMIN");
      await restarted.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
