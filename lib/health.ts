import "server-only";
import { db } from "./db";
import { databaseUnavailable } from "./db-errors";

export async function checkHealth() {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    throw databaseUnavailable();
  }
  return { status: "ok", db: "ok" } as const;
}
