// Writes the article and its five question threads. Idempotent: rows are found by slug, so a
// second run changes nothing.
import { renderMarkdown } from "../../lib/markdown/render";
import { createPrismaClient, type Database } from "../../lib/prisma-client";
import { ARTICLE, QUESTIONS } from "./article";

export async function seedDatabase(db: Database) {
  const articleHtml = await renderMarkdown(ARTICLE.body);
  const questionHtml = await Promise.all(QUESTIONS.map((question) => renderMarkdown(question.body)));
  await db.$transaction(async (tx) => {
    const article = await tx.article.upsert({ where: { slug: ARTICLE.slug }, create: { ...ARTICLE, bodyHtml: articleHtml }, update: {} });
    // Pinned threads list by hot rank, then newest id first. The questions share one creation
    // time and are inserted last to first, so that they list in the article's order.
    const createdAt = new Date();
    for (const [index, question] of [...QUESTIONS.entries()].toReversed()) {
      await tx.thread.upsert({
        where: { slug: question.slug },
        update: {},
        create: {
          slug: question.slug,
          title: question.title,
          body: question.body,
          bodyHtml: questionHtml[index],
          kind: question.kind,
          positions: { create: (question.positions ?? []).map((position, ord) => ({ ord, ...position })) },
          facets: { create: (question.facets ?? []).map((facet, ord) => ({ ord, ...facet })) },
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
