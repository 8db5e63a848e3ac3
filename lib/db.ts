import "server-only";
import { createPrismaClient, type Database } from "./prisma-client";

// One client per process; in development Next.js re-evaluates modules on every change, so the
// client is kept on globalThis rather than opening a new pool each time.
const globalForDb = globalThis as unknown as { agoraDb?: Database };

function connectionString() {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  // `next build` imports every route to read its configuration but runs no query: the pool
  // connects lazily, so a placeholder is never used.
  if (process.env.NEXT_PHASE === "phase-production-build") return "postgresql://unused-at-build-time/agora";
  throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.");
}

export const db = globalForDb.agoraDb ?? createPrismaClient(connectionString());
if (process.env.NODE_ENV === "development") globalForDb.agoraDb = db;
