// A description of a database's schema as Prisma's schema language can express it: enums,
// columns, primary/unique/foreign keys and plain indexes. CHECK constraints, partial or
// expression indexes and triggers are hand-written SQL that schema.prisma cannot describe,
// so they are left out of the comparison.
import { withClient } from "../../scripts/db/admin";

export async function describeSchema(url: string) {
  return withClient(url, async (client) => {
    const rows = async (sql: string) => (await client.query(sql)).rows.map((row) => Object.values(row).join(" | "));
    return {
      enums: await rows(`
        SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
        GROUP BY t.typname ORDER BY t.typname`),
      columns: await rows(`
        SELECT table_name, column_name, udt_name, is_nullable, coalesce(column_default, '')
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      constraints: await rows(`
        SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
        WHERE c.contype IN ('p', 'u', 'f') AND c.conrelid::regclass::text <> '_prisma_migrations'
        ORDER BY 1, 2`),
      indexes: await rows(`
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE i.indpred IS NULL AND i.indexprs IS NULL AND t.relname <> '_prisma_migrations'
        ORDER BY 1`),
    };
  });
}
