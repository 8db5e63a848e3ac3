import "server-only";
import { db } from "./db";
import { AppError } from "./errors";

export async function checkHealth() {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    throw new AppError("unavailable", "La base de données est injoignable.");
  }
  return { status: "ok", db: "ok" } as const;
}
