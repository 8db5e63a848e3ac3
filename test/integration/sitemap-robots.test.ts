// /sitemap.xml lists the public pages and every visible thread (the article's questions and the
// members' own), never a hidden one; /robots.txt opens the public pages, closes the API and the
// pages behind a sign-in, and names the sitemap. Both at the site's origin (NEXTAUTH_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";
import { createPrismaClient } from "@/lib/prisma-client";
import { QUESTIONS } from "@/prisma/seed/article";
import { seedIfEmpty } from "@/prisma/seed/seed-database";
import { createThreadRow } from "../support/factories";
import { createMember } from "../support/session";

const ORIGIN = "https://agora.example";
const db = createPrismaClient(process.env.DATABASE_URL!);
const originalSiteUrl = process.env.NEXTAUTH_URL;
beforeAll(async () => {
  process.env.NEXTAUTH_URL = ORIGIN;
  await seedIfEmpty(process.env.DATABASE_URL!);
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = originalSiteUrl;
  await db.$disconnect();
});

describe("sitemap.xml", () => {
  it("lists the public pages and every visible thread with its last change, never a hidden thread", async () => {
    const author = await createMember();
    const memberThread = await createThreadRow();
    const lastPost = new Date("2026-11-30T12:00:00Z");
    await db.thread.update({ where: { id: memberThread.id }, data: { authorId: author.id, lastActivityAt: lastPost, updatedAt: new Date("2026-11-01T00:00:00Z") } });
    const hiddenThread = await createThreadRow({ hiddenAt: new Date() });

    const entries = await sitemap();
    const urls = entries.map((entry) => entry.url);
    expect(urls.slice(0, 4)).toEqual([`${ORIGIN}/`, `${ORIGIN}/article`, `${ORIGIN}/a-propos`, `${ORIGIN}/moderation/journal`]);
    for (const question of QUESTIONS) expect(urls).toContain(`${ORIGIN}/t/${question.slug}`);
    expect(urls).toContain(`${ORIGIN}/t/${memberThread.slug}`);
    expect(urls).not.toContain(`${ORIGIN}/t/${hiddenThread.slug}`);
    expect(entries.find((entry) => entry.url === `${ORIGIN}/t/${memberThread.slug}`)?.lastModified).toEqual(lastPost);
    expect(entries.every((entry) => entry.lastModified instanceof Date && !Number.isNaN(entry.lastModified.getTime()))).toBe(true);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("lists the synthesis of every visible thread beside it, with the same last change", async () => {
    const memberThread = await createThreadRow();
    const lastPost = new Date("2026-11-29T12:00:00Z");
    await db.thread.update({ where: { id: memberThread.id }, data: { lastActivityAt: lastPost, updatedAt: new Date("2026-11-01T00:00:00Z") } });
    const hiddenThread = await createThreadRow({ hiddenAt: new Date() });

    const entries = await sitemap();
    const urls = entries.map((entry) => entry.url);
    for (const question of QUESTIONS) expect(urls).toContain(`${ORIGIN}/t/${question.slug}/synthese`);
    expect(entries.find((entry) => entry.url === `${ORIGIN}/t/${memberThread.slug}/synthese`)?.lastModified).toEqual(lastPost);
    expect(urls).not.toContain(`${ORIGIN}/t/${hiddenThread.slug}/synthese`);
  });
});

describe("robots.txt", () => {
  it("allows the public pages, the public journal included, disallows the API and the private areas, and names the sitemap", () => {
    expect(robots()).toEqual({
      rules: { userAgent: "*", allow: ["/", "/moderation/journal"], disallow: ["/api/", "/compte", "/moderation", "/admin"] },
      sitemap: `${ORIGIN}/sitemap.xml`,
    });
  });
});
