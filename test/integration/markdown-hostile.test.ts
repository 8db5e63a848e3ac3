// Markdown that once took the server down (heap exhausted by nesting, seconds of parsing per
// read), posted through the route handlers: each is refused with a 400 that names the limit, the
// process keeps answering meanwhile, and reads serve the HTML stored at write time.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { PATCH as editRoute } from "@/app/api/posts/[id]/route";
import { GET as revisionsRoute } from "@/app/api/posts/[id]/revisions/route";
import { GET as threadRoute } from "@/app/api/threads/[id]/route";
import { POST as postRoute } from "@/app/api/threads/[id]/posts/route";
import { POST as createThreadRoute } from "@/app/api/threads/route";
import { Markdown, UNRENDERED_PLACEHOLDER } from "@/components/markdown";
import { RENDERER_VERSION } from "@/lib/markdown/renderer-version.mjs";
import { createPrismaClient } from "@/lib/prisma-client";
import { renderStoredMarkdown } from "@/scripts/db/render-markdown";
import { createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;

const post = (member: Member, threadId: number, body: string) =>
  call(postRoute, `/api/threads/${threadId}/posts`, { method: "POST", params: { id: String(threadId) }, json: { body }, headers: { cookie: member.cookie } });
const createThread = (member: Member, body: string) =>
  call(createThreadRoute, "/api/threads", { method: "POST", json: { title: "Une question sur un texte piégé", body }, headers: { cookie: member.cookie } });
const edit = (member: Member, postId: number, body: string) =>
  call(editRoute, `/api/posts/${postId}`, { method: "PATCH", params: { id: String(postId) }, json: { body }, headers: { cookie: member.cookie } });
const health = () => call(healthRoute, "/api/health");

const NESTING = "niveaux au plus";
const COMPLEXITY = "trop complexe à mettre en forme";
// Each of these, 20 kB or less, ended the production server (192 MB heap) or stalled it for seconds.
const HOSTILE: [string, string, string][] = [
  ['"> " × 9,999', "> ".repeat(9_999), NESTING],
  ['"1. " × 6,665', "1. ".repeat(6_665), NESTING],
  ['"+ " × 9,999', "+ ".repeat(9_999), NESTING],
  ["quotes nested line after line", Array.from({ length: 400 }, (_, level) => `${"> ".repeat(level)}a`).join("\n").slice(0, 20_000), NESTING],
  ["lists nested by indentation", Array.from({ length: 150 }, (_, level) => `${"  ".repeat(level)}- a`).join("\n").slice(0, 20_000), NESTING],
  ['"a\\n=\\n" × 5,000 (setext headings, superlinear)', "a\n=\n".repeat(5_000), COMPLEXITY],
];

function expectRefusal(response: { status: number; body: { error: { code: string; message: string; issues: unknown[] } } }, limit: string) {
  expect(response.status).toBe(400);
  expect(response.body.error.code).toBe("invalid_input");
  expect(response.body.error.issues).toEqual([expect.objectContaining({ path: "body", message: expect.stringContaining(limit) })]);
}

describe("hostile markdown, posted", () => {
  it.each(HOSTILE)("refuses %s as a post with a 400 naming the limit, and writes nothing", async (_label, body, limit) => {
    const thread = await createThreadRow();
    expectRefusal(await post(await createMember(), thread.id, body), limit);
    expect(await db.post.count({ where: { threadId: thread.id } })).toBe(0);
    expect((await health()).status).toBe(200);
  });

  it.each(HOSTILE)("refuses %s as a thread body", async (_label, body, limit) => {
    const member = await createMember();
    expectRefusal(await createThread(member, body), limit);
    expect(await db.thread.count({ where: { authorId: member.id } })).toBe(0);
  });

  it.each(HOSTILE.filter(([, , limit]) => limit === NESTING))("refuses %s as an edit and keeps the post as it was", async (_label, body, limit) => {
    const [thread, author] = [await createThreadRow(), await createMember()];
    const created = (await post(author, thread.id, "Un avis **mesuré**.")).body;
    expectRefusal(await edit(author, created.id, body), limit);
    const stored = await db.post.findUniqueOrThrow({ where: { id: created.id }, include: { revisions: true } });
    expect(stored).toMatchObject({ body: "Un avis **mesuré**.", editedAt: null, revisions: [] });
  });

  it("keeps answering /api/health while a hostile render is under way, and posts again afterwards", async () => {
    const thread = await createThreadRow();
    let isSettled = false;
    const hostile = post(await createMember(), thread.id, "a\n=\n".repeat(5_000)).finally(() => (isSettled = true));
    const answers = await Promise.all([health(), health(), health()]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    // The event loop answered while the render still ran in its worker.
    expect(isSettled).toBe(false);
    expectRefusal(await hostile, COMPLEXITY);
    const next = await post(await createMember(), thread.id, "Un avis *après* la tempête.");
    expect(next.status).toBe(201);
    expect(next.body.bodyHtml).toBe("<p>Un avis <em>après</em> la tempête.</p>");
  });
});

describe("texts the renderer gives up on, per member", () => {
  it("lets a member hold the render worker with at most 3 of them, counted before rendering even in parallel", async () => {
    const [thread, member] = [await createThreadRow(), await createMember()];
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(member, thread.id, "a\n=\n".repeat(5_000))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([400, 400, 400, 429, 429]);
    for (const answer of answers.filter((answer) => answer.status === 400)) expectRefusal(answer, COMPLEXITY);
    // Now even a plain text waits; other members are not concerned.
    expect((await post(member, thread.id, "Un avis simple.")).status).toBe(429);
    expect((await post(await createMember(), thread.id, "Un avis simple.")).status).toBe(201);
  }, 60_000);

  it("takes back the attempt of every text that renders, so writing normally never counts", async () => {
    const [thread, author] = [await createThreadRow(), await createMember()];
    const created = (await post(author, thread.id, "Version 0.")).body;
    for (let version = 1; version <= 5; version += 1) expect((await edit(author, created.id, `Version ${version}.`)).status).toBe(200);
    expect(await db.rateLimitHit.count({ where: { key: { startsWith: "unrenderableTextsPerMember:" } } })).toBe(0);
  });
});

describe("reads serve the HTML stored at write time", () => {
  it("stores a member thread's rendered body and returns what is stored, never rendering the source", async () => {
    const member = await createMember();
    const created = await createThread(member, "Le **contexte**.");
    expect(created.status).toBe(201);
    expect(created.body.bodyHtml).toBe("<p>Le <strong>contexte</strong>.</p>");
    // A source from before the limits, stored as it was: a read that rendered it would blow up.
    await db.$executeRaw`UPDATE threads SET body = ${"> ".repeat(9_999)}, body_html = '<p>marqueur</p>' WHERE id = ${created.body.id}`;
    const read = await call(threadRoute, `/api/threads/${created.body.id}`, { params: { id: String(created.body.id) } });
    expect(read.body.bodyHtml).toBe("<p>marqueur</p>");
  });

  it("keeps in each revision the HTML its text was shown as, and serves the stored HTML", async () => {
    const [thread, author] = [await createThreadRow(), await createMember()];
    const created = (await post(author, thread.id, "Première **version**.")).body;
    await db.rateLimitHit.deleteMany();
    expect((await edit(author, created.id, "Seconde version.")).status).toBe(200);
    const [revision] = await db.postRevision.findMany({ where: { postId: created.id } });
    expect(revision.bodyHtml).toBe(created.bodyHtml);

    await db.$executeRaw`UPDATE post_revisions SET body = ${"a\n=\n".repeat(5_000)}, body_html = '<p>ancienne</p>' WHERE id = ${revision.id}`;
    await db.$executeRaw`UPDATE posts SET body = ${"1. ".repeat(6_665)}, body_html = '<p>actuelle</p>' WHERE id = ${created.id}`;
    const history = await call(revisionsRoute, `/api/posts/${created.id}/revisions`, { params: { id: String(created.id) } });
    expect(history.status).toBe(200);
    expect(history.body.current.bodyHtml).toBe("<p>actuelle</p>");
    expect(history.body.items.map((item: { bodyHtml: string }) => item.bodyHtml)).toEqual(["<p>ancienne</p>"]);
  });

  it("shows a placeholder where no HTML is stored", () => {
    expect(renderToStaticMarkup(createElement(Markdown, { html: null }))).toContain(UNRENDERED_PLACEHOLDER);
    expect(renderToStaticMarkup(createElement(Markdown, { html: "<p>ok</p>" }))).toContain("<p>ok</p>");
  });
});

describe("the launcher's render step", () => {
  it("stores the HTML of rows written without it, leaves the unrenderable ones null, and goes past them", async () => {
    const [plain, hostile] = [await createThreadRow(), await createThreadRow()];
    await db.$executeRaw`UPDATE threads SET body_html = NULL WHERE id = ${plain.id}`;
    await db.$executeRaw`UPDATE threads SET body = ${"> ".repeat(9_999)}, body_html = NULL WHERE id = ${hostile.id}`;
    // The stored HTML is the current pipeline's: only what lacks HTML is rendered (the re-render
    // of a version change is markdown-renderer-version.test.ts).
    await db.markdownRenderer.upsert({ where: { id: true }, create: { version: RENDERER_VERSION }, update: { version: RENDERER_VERSION } });
    const outcome = await renderStoredMarkdown(process.env.DATABASE_URL!);
    expect(outcome.failed).toEqual([expect.stringMatching(new RegExp(`^threads ${hostile.id}: .*${NESTING}`))]);
    const rows = await db.thread.findMany({ select: { id: true, bodyHtml: true }, where: { id: { in: [plain.id, hostile.id] } }, orderBy: { id: "asc" } });
    expect(rows).toEqual([
      { id: plain.id, bodyHtml: "<p>Le contexte.</p>" },
      { id: hostile.id, bodyHtml: null },
    ]);
    expect((await renderStoredMarkdown(process.env.DATABASE_URL!)).rendered).toBe(0);
  });
});
