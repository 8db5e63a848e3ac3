import "server-only";
import { createPrismaClient, type Database } from "./prisma-client";

// One client per process; in development Next.js re-evaluates modules on every change, so the
// client is kept on globalThis rather than opening a new pool each time.
const globalForDb = globalThis as unknown as { agoraDb?: Database };

function connectionString() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.");
  return url;
}

export const db = globalForDb.agoraDb ?? createPrismaClient(connectionString());
if (process.env.NODE_ENV === "development") globalForDb.agoraDb = db;
