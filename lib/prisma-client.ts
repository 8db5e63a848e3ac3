// Builds a Prisma client on the pg driver adapter (no native query engine). The app uses the one
// in lib/db.ts; scripts and tests that run outside Next.js build their own here.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { UTC_SESSION_OPTIONS } from "./utc-session";

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, options: UTC_SESSION_OPTIONS }),
    // A password hash never leaves the database by accident: reading it must be asked for.
    omit: { user: { passwordHash: true } },
  });
}

export type Database = ReturnType<typeof createPrismaClient>;
