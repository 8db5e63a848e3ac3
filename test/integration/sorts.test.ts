import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listPostsRoute } from "@/app/api/threads/[id]/posts/route";
import { GET as listThreadsRoute } from "@/app/api/threads/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const HOUR = 3_600_000;
const base = new Date("2026-06-01T12:00:00Z").getTime();

// Top-level posts with crafted votes (the triggers derive score and ranks from them).
const CRAFTED = [
  { name: "loved", up: 40, down: 2, hoursAgo: 5 },
  { name: "split", up: 20, down: 20, hoursAgo: 4 },
  { name: "fresh", up: 0, down: 0, hoursAgo: 0 },
  { name: "disliked", up: 1, down: 15, hoursAgo: 3 },
  { name: "small-but-sure", up: 5, down: 0, hoursAgo: 2 },
  { name: "tied-top-a", up: 12, down: 3, hoursAgo: 1 },
  { name: "tied-top-b", up: 12, down: 3, hoursAgo: 1 },
];

let threadId: number;
let pour: number;
let contre: number;
const ids: Record<string, number> = {};
let viewer: Awaited<ReturnType<typeof createMember>>;

beforeAll(async () => {
  const [agree, disagree] = [await createMember(), await createMember()];
  viewer = await createMember();
  const thread = await db.thread.create({
    data: {
      slug: "tris", title: "Une question pour les tris", body: "x", kind: "POSITION",
      positions: { create: [{ ord: 0, label: "Pour", colour: "BLUE" }, { ord: 1, label: "Contre", colour: "ORANGE" }] },
    },
    include: { positions: { orderBy: { ord: "asc" } } },
  });
  threadId = thread.id;
  [pour, contre] = thread.positions.map((position) => position.id);
  // Each post records its author's position when it is written (a trigger reads the stance).
  await db.threadStance.createMany({ data: [{ threadId, userId: agree.id, positionId: pour }, { threadId, userId: disagree.id, positionId: contre }] });
  for (const [index, post] of CRAFTED.entries()) {
    const created = await db.post.create({
      data: {
        threadId, authorId: index % 2 === 0 ? agree.id : disagree.id, body: post.name, bodyHtml: `<p>${post.name}</p>`,
        // The viewer's vote below brings "loved" to its count (the vote triggers move the counters).
        upvotes: post.name === "loved" ? post.up - 1 : post.up, downvotes: post.down, createdAt: new Date(base - post.hoursAgo * HOUR),
      },
    });
    ids[post.name] = created.id;
  }
  // Then the first author changes their mind: their posts stay written as « Pour ».
  await db.threadStance.update({ where: { threadId_userId: { threadId, userId: agree.id } }, data: { positionId: contre } });
  await db.postVote.create({ data: { postId: ids.loved, userId: viewer.id, value: 1 } });
});

async function listAll(query: string, cookie?: string) {
  const names: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const path: string = `/api/threads/${threadId}/posts?${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
    const { status, body } = await call(listPostsRoute, path, { params: { id: String(threadId) }, headers: cookie ? { cookie } : {} });
    expect(status).toBe(200);
    names.push(...body.items.map((item: { body: string }) => item.body));
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor && pages < 20);
  return names;
}

async function firstPage(query: string) {
  const { body } = await call(listPostsRoute, `/api/threads/${threadId}/posts?${query}`, { params: { id: String(threadId) } });
  return body.items.map((item: { body: string }) => item.body);
}

describe("sorts of a thread's posts, each paged by keyset", () => {
  it.each([
    // Orders computed independently (Python) from the crafted votes; ties go to the newer id.
    ["best (Wilson lower bound)", "sort=best", ["loved", "small-but-sure", "tied-top-b", "tied-top-a", "split", "disliked", "fresh"]],
    ["top (score)", "sort=top", ["loved", "tied-top-b", "tied-top-a", "small-but-sure", "fresh", "split", "disliked"]],
    ["new", "sort=new", ["fresh", "tied-top-b", "tied-top-a", "small-but-sure", "disliked", "split", "loved"]],
    ["old", "sort=old", ["loved", "split", "disliked", "small-but-sure", "tied-top-a", "tied-top-b", "fresh"]],
    ["controversial", "sort=controversial", ["split", "tied-top-b", "tied-top-a", "loved", "disliked", "small-but-sure", "fresh"]],
  ])("%s: one page and page by page give the same order", async (_label, query, expected) => {
    expect(await firstPage(query)).toEqual(expected);
    expect(await listAll(query)).toEqual(expected);
  });

  it("best is the default sort", async () => {
    expect(await firstPage("")).toEqual(await firstPage("sort=best"));
  });

  it("filters by the position a post was written from, and tells it with the author's position of now", async () => {
    expect(await listAll(`sort=old&position=${pour}`)).toEqual(["loved", "small-but-sure", "tied-top-b", "fresh"]);
    const get = async (position: number) =>
      (await call(listPostsRoute, `/api/threads/${threadId}/posts?sort=old&position=${position}`, { params: { id: String(threadId) } })).body.items;
    const ref = (id: number) => ({ id, label: id === pour ? "Pour" : "Contre", colour: id === pour ? "BLUE" : "ORANGE" });
    expect((await get(pour)).map((item: { authorPosition: unknown }) => item.authorPosition)).toEqual(Array(4).fill({ written: ref(pour), now: ref(contre) }));
    expect((await get(contre)).map((item: { authorPosition: unknown }) => item.authorPosition)).toEqual(Array(3).fill({ written: ref(contre), now: ref(contre) }));
  });

  it("tells the viewer their own votes", async () => {
    const { body } = await call(listPostsRoute, `/api/threads/${threadId}/posts?sort=old`, { params: { id: String(threadId) }, headers: { cookie: viewer.cookie } });
    expect(body.items.map((item: { myVote: number }) => item.myVote)).toEqual([1, 0, 0, 0, 0, 0, 0]);
  });

  it("answers 400 for an unknown sort, a bad position, the filter of before positions, and for a cursor of another sort", async () => {
    const get = (query: string) => call(listPostsRoute, `/api/threads/${threadId}/posts?${query}`, { params: { id: String(threadId) } });
    expect((await get("sort=random")).status).toBe(400);
    expect((await get("position=abc")).status).toBe(400);
    const old = await get("stance=AGREE");
    expect(old.status).toBe(400);
    expect(JSON.stringify(old.body)).toContain("position=<id>");
    const { body } = await get("sort=top&limit=2");
    expect((await get(`sort=new&cursor=${body.nextCursor}`)).status).toBe(400);
    // A forged cursor whose value does not fit the sort's column is refused, not run.
    const forged = Buffer.from(JSON.stringify({ s: "top", v: 0.5, id: 1 })).toString("base64url");
    expect((await get(`sort=top&cursor=${forged}`)).status).toBe(400);
  });
});

describe("sorts of the thread list", () => {
  beforeAll(async () => {
    await db.thread.createMany({
      data: [
        { slug: "epingle", title: "Une question épinglée", body: "x", isPinned: true, createdAt: new Date(base - 100 * HOUR), lastActivityAt: new Date(base - 100 * HOUR) },
        { slug: "ancienne-populaire", title: "Ancienne et populaire", body: "x", upvotes: 1000, createdAt: new Date(base - 48 * HOUR), lastActivityAt: new Date(base - 1 * HOUR) },
        { slug: "recente", title: "Récente sans vote", body: "x", createdAt: new Date(base - 1 * HOUR), lastActivityAt: new Date(base - 2 * HOUR) },
        { slug: "moyenne", title: "Une question moyenne", body: "x", upvotes: 10, createdAt: new Date(base - 10 * HOUR), lastActivityAt: new Date(base - 30 * HOUR) },
      ],
    });
  });

  async function slugs(sort: string) {
    const found: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/threads?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const { status, body } = await call(listThreadsRoute, path);
      expect(status).toBe(200);
      found.push(...body.items.map((thread: { slug: string }) => thread.slug));
      cursor = body.nextCursor;
    } while (cursor);
    return found.filter((slug) => slug !== "tris");
  }

  it.each([
    // hot, relative to now: moyenne +1 (score 10) − 0.8 (10 h); recente −0.08 (1 h);
    // ancienne-populaire +3 (score 1000) − 3.84 (48 h).
    ["hot", ["epingle", "moyenne", "recente", "ancienne-populaire"]],
    ["new", ["epingle", "recente", "moyenne", "ancienne-populaire"]],
    ["top", ["epingle", "ancienne-populaire", "moyenne", "recente"]],
    ["active", ["epingle", "ancienne-populaire", "recente", "moyenne"]],
  ])("%s puts pinned threads first, then pages by keyset in order", async (sort, expected) => {
    expect(await slugs(sort)).toEqual(expected);
  });
});
