// `npm run db:seed` (prisma db seed): writes the article and its questions; safe to run again.
import { createPrismaClient } from "../lib/prisma-client";
import { seedDatabase } from "./seed/seed-database";

async function main() {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  try {
    await seedDatabase(db);
    console.log("Seed: the article and its five questions are in place.");
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
