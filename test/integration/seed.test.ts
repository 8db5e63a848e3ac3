import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { ARTICLE, QUESTIONS } from "@/prisma/seed/article";
import { seedDatabase, seedIfEmpty } from "@/prisma/seed/seed-database";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const snapshot = async () => ({
  articles: await db.article.findMany({ orderBy: { id: "asc" } }),
  threads: await db.thread.findMany({ orderBy: { id: "asc" } }),
});

describe("seed", () => {
  it("writes the article and one pinned thread per closing question, with the article's wording", async () => {
    expect(await seedIfEmpty(process.env.DATABASE_URL!)).toBe(true);
    const { articles, threads } = await snapshot();
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: "Évolution du concept d’open source", sourceTitle: "Alessio Fanelli's blog post" });
    expect(threads).toHaveLength(5);
    const byNumber = [...threads].sort((a, b) => a.questionNumber! - b.questionNumber!);
    expect(byNumber.map((t) => t.title)).toEqual([
      "L'analyse d'Alessio Fanelli est-elle pertinente ?",
      "Partagez-vous l'avis selon lequel le modèle Llama-2 de Meta ne serait pas open source ?",
      "À votre avis, existe-t-il une différence entre « libre » et « ouvert » ?",
      "Comment les développeurs peuvent-ils s’assurer que les modèles qu’ils utilisent sont réellement open source et respectent les principes de l’OSS ?",
      "Quels sont les risques et les opportunités de l’open source dans le domaine de l’IA générative ?",
    ]);
    expect(byNumber.map((t) => t.kind)).toEqual(["POSITION", "POSITION", "POSITION", "OPEN", "OPEN"]);
    expect(threads.every((t) => t.isPinned && t.articleId === articles[0].id && t.body.length > 100)).toBe(true);
  });

  it("is idempotent: a second and third run change nothing", async () => {
    const before = await snapshot();
    await seedDatabase(db);
    await seedDatabase(db);
    expect(await snapshot()).toEqual(before);
    expect(await seedIfEmpty(process.env.DATABASE_URL!)).toBe(false);
  });

  it("mends the article's extraction glitches only where the meaning is certain", () => {
    expect(ARTICLE.body).not.toMatch(/GPLa|termeest|termeperd|IA,signifie|Alession|la\(SSPL\)/);
    expect(ARTICLE.body).toContain("Server Side Public License (SSPL)");
    // Uncertain gaps are marked, not guessed.
    expect(ARTICLE.body).toContain("selon la définition de la […]");
    expect(ARTICLE.body.split("\n\n").length).toBeGreaterThan(8);
    expect(QUESTIONS).toHaveLength(5);
  });
});
