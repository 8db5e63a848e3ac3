// Stored HTML follows the pipeline: when the version that made it is not the code's, the
// launcher's render step re-renders every text; once recorded, it only fills what lacks HTML.
import { afterAll, describe, expect, it } from "vitest";
import { RENDERER_VERSION } from "@/lib/markdown/renderer-version.mjs";
import { createPrismaClient } from "@/lib/prisma-client";
import { renderStoredMarkdown } from "@/scripts/db/render-markdown";
import { createThreadRow } from "../support/factories";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const storedHtml = async (id: number) => (await db.thread.findUniqueOrThrow({ select: { bodyHtml: true }, where: { id } })).bodyHtml;

describe("the launcher's render step", () => {
  it("re-renders HTML made by an older pipeline, records the version, then leaves stored HTML alone", async () => {
    const thread = await createThreadRow();
    await db.thread.update({ where: { id: thread.id }, data: { body: "Vraiment ?", bodyHtml: "<p>Vraiment ?</p>" } });
    await db.markdownRenderer.upsert({ where: { id: true }, create: { version: RENDERER_VERSION - 1 }, update: { version: RENDERER_VERSION - 1 } });

    await renderStoredMarkdown(process.env.DATABASE_URL!);
    expect(await storedHtml(thread.id)).toBe("<p>Vraiment\u202F?</p>");
    expect(await db.markdownRenderer.findUnique({ select: { version: true }, where: { id: true } })).toEqual({ version: RENDERER_VERSION });

    // Same version now: only rows without HTML are rendered, so this stale copy stays.
    await db.thread.update({ where: { id: thread.id }, data: { bodyHtml: "<p>copie gardée</p>" } });
    expect((await renderStoredMarkdown(process.env.DATABASE_URL!)).rendered).toBe(0);
    expect(await storedHtml(thread.id)).toBe("<p>copie gardée</p>");
  });

  it("re-renders everything on a database that never recorded a version", async () => {
    await db.markdownRenderer.deleteMany();
    const thread = await createThreadRow();
    await db.thread.update({ where: { id: thread.id }, data: { body: "« Oui »", bodyHtml: "<p>« Oui »</p>" } });
    await renderStoredMarkdown(process.env.DATABASE_URL!);
    expect(await storedHtml(thread.id)).toBe("<p>«\u202FOui\u202F»</p>");
  });
});
