// Writes the article and its five question threads. Idempotent: rows are found by slug, so a
// second run changes nothing.
import { createPrismaClient, type Database } from "../../lib/prisma-client";
import { ARTICLE, QUESTIONS } from "./article";

export async function seedDatabase(db: Database) {
  await db.$transaction(async (tx) => {
    const article = await tx.article.upsert({ where: { slug: ARTICLE.slug }, create: ARTICLE, update: {} });
    // Pinned threads list by hot rank, then newest id first. The questions share one creation
    // time and are inserted last to first, so that they list in the article's order.
    const createdAt = new Date();
    for (const question of QUESTIONS.toReversed()) {
      await tx.thread.upsert({
        where: { slug: question.slug },
        update: {},
        create: {
          slug: question.slug,
          title: question.title,
          body: question.body,
          kind: question.kind,
          articleId: article.id,
          questionNumber: question.number,
          isPinned: true,
          createdAt,
          lastActivityAt: createdAt,
        },
      });
    }
  });
}

/** Seeds the database at `url` when it holds no article yet; returns whether it did. */
export async function seedIfEmpty(url: string): Promise<boolean> {
  const db = createPrismaClient(url);
  try {
    if ((await db.article.count()) > 0) return false;
    await seedDatabase(db);
    return true;
  } finally {
    await db.$disconnect();
  }
}
