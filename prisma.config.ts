// The prisma CLI first looks for its native schema engine and tries to download it, which fails
// offline. generate, validate, format and db seed do not use it: pointing the variable at any
// existing file lets them run. Migrations are applied by scripts/db/migrate.ts instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  // Only `prisma migrate deploy` (where a user can download the engine) needs it.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
