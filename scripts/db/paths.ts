import path from "node:path";

// npm runs every script from the project root.
export const SCHEMA_FILE = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
/** The schema.prisma from which the last migration was written: the next one diffs from it. */
export const SNAPSHOT_FILE = path.join(MIGRATIONS_DIR, "schema.snapshot");
export const LOCK_FILE = path.join(MIGRATIONS_DIR, "migration_lock.toml");
