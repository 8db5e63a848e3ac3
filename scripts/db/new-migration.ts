// `npm run db:migration -- <name>`: the offline stand-in for `prisma migrate dev --create-only`.
// It writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL from the schema of the
// last migration (kept in prisma/migrations/schema.snapshot) to the current prisma/schema.prisma,
// then updates the snapshot. Review the file, append any hand-written SQL (CHECK constraints,
// partial indexes), and it is applied at the next start or `npm run db:migrate`.
import fs from "node:fs";
import path from "node:path";
import { LOCK_FILE, MIGRATIONS_DIR, SCHEMA_FILE, SNAPSHOT_FILE } from "./paths";
import { diffSchemas } from "./schema-engine";

function timestamp(date = new Date()) {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration -- <name>   (lower case, digits and _)");
    process.exit(2);
  }
  const schema = fs.readFileSync(SCHEMA_FILE, "utf8");
  const previous = fs.existsSync(SNAPSHOT_FILE) ? fs.readFileSync(SNAPSHOT_FILE, "utf8") : null;
  const sql = await diffSchemas(process.env.DATABASE_URL!, previous, schema);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema.prisma has not changed since the last migration: nothing to write.");
    return;
  }
  const dir = path.join(MIGRATIONS_DIR, `${timestamp()}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.writeFileSync(SNAPSHOT_FILE, schema);
  if (!fs.existsSync(LOCK_FILE)) fs.writeFileSync(LOCK_FILE, 'provider = "postgresql"\n');
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
