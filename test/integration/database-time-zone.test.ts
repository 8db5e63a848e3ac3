// Times are UTC wall-clock in "timestamp(3)" columns (Prisma reads them as UTC): the database's
// own stamps (column defaults, the stance trigger's clock_timestamp()) must be too, whatever time
// zone the server or the role defaults to — a managed PostgreSQL set to Europe/Paris included.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { withClient } from "@/scripts/db/admin";

const ROLE = `agora_time_zone_${process.pid}`;
const PASSWORD = "un-mot-de-passe-de-test";
// Fourteen hours ahead of UTC: a session left in it would stamp times half a day off.
const FAR_ZONE = "Pacific/Kiritimati";

afterAll(() => withClient(process.env.DATABASE_URL!, (client) => client.query(`DROP ROLE IF EXISTS ${ROLE}`)));

describe("the app's database sessions", () => {
  it("run in UTC when the role's default time zone is another", async () => {
    await withClient(process.env.DATABASE_URL!, async (client) => {
      await client.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'`);
      await client.query(`ALTER ROLE ${ROLE} SET timezone = '${FAR_ZONE}'`);
    });
    const url = new URL(process.env.DATABASE_URL!);
    url.username = ROLE;
    url.password = PASSWORD;
    // The role's default applies to a plain connection: the check below can fail.
    await withClient(url.toString(), async (client) => {
      expect((await client.query("SELECT current_setting('TimeZone') AS zone")).rows[0].zone).toBe(FAR_ZONE);
    });

    const db = createPrismaClient(url.toString());
    try {
      const [{ zone, stamp }] = await db.$queryRaw<{ zone: string; stamp: Date }[]>`
        SELECT current_setting('TimeZone') AS zone, clock_timestamp()::timestamp(3) AS stamp`;
      expect(zone).toBe("UTC");
      // Read back as UTC, the database's wall-clock stamp is now, not fourteen hours ahead.
      expect(Math.abs(stamp.getTime() - Date.now())).toBeLessThan(3_600_000);
    } finally {
      await db.$disconnect();
    }
  });
});
