import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE as deleteRoute, PATCH as editRoute } from "@/app/api/posts/[id]/route";
import { GET as revisionsRoute } from "@/app/api/posts/[id]/revisions/route";
import { GET as listRoute, POST as postRoute } from "@/app/api/threads/[id]/posts/route";
import { POST as createThreadRoute } from "@/app/api/threads/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { REPLIES_PER_CONVERSATION } from "@/lib/schemas/post";
import { createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
// Posting limits are tested on their own; elsewhere every post starts with a clean slate.
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;

async function post(member: Member | null, threadId: number, json: unknown) {
  const id = String(threadId);
  return call(postRoute, `/api/threads/${id}/posts`, { method: "POST", params: { id }, json, headers: member ? { cookie: member.cookie } : {} });
}
async function postOk(member: Member, threadId: number, body: string, parentId?: number) {
  await db.rateLimitHit.deleteMany();
  const response = await post(member, threadId, { body, parentId });
  expect(response.status).toBe(201);
  return response.body;
}
// Oldest first unless a test asks otherwise: the order these tests reason about.
const list = (threadId: number, query = "") =>
  call(listRoute, `/api/threads/${threadId}/posts?sort=old&${query.replace(/^\?/, "")}`, { params: { id: String(threadId) } });
const edit = (member: Member | null, postId: number, json: unknown) =>
  call(editRoute, `/api/posts/${postId}`, { method: "PATCH", params: { id: String(postId) }, json, headers: member ? { cookie: member.cookie } : {} });
const remove = (member: Member | null, postId: number) =>
  call(deleteRoute, `/api/posts/${postId}`, { method: "DELETE", params: { id: String(postId) }, headers: member ? { cookie: member.cookie } : {} });
const revisions = (postId: number, cookie?: string) =>
  call(revisionsRoute, `/api/posts/${postId}/revisions`, { params: { id: String(postId) }, headers: cookie ? { cookie } : {} });

async function counters(threadId: number) {
  const thread = await db.thread.findUniqueOrThrow({ where: { id: threadId } });
  const visible = await db.post.count({ where: { threadId, deletedAt: null } });
  return { postCount: thread.postCount, visible, lastActivityAt: thread.lastActivityAt };
}

describe("posting (POST /api/threads/{id}/posts)", () => {
  it("publishes rendered, sanitised markdown and updates the thread's counters in the same step", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    const created = await postOk(author, thread.id, "Je pense que **non** : [voir](https://opensource.org) <script>alert(1)</script>");
    expect(created).toMatchObject({ parentId: null, depth: 0, author: { id: author.id, name: author.name }, deleted: false });
    expect(created.bodyHtml).toContain("<strong>non</strong>");
    expect(created.bodyHtml).toContain('rel="nofollow ugc noopener"');
    expect(created.bodyHtml).not.toContain("<script");
    const after = await counters(thread.id);
    expect(after.postCount).toBe(1);
    expect(after.lastActivityAt.toISOString()).toBe(created.createdAt);
  });

  it("nests a reply under its parent and counts it on the parent", async () => {
    const thread = await createThreadRow();
    const [a, b] = [await createMember(), await createMember()];
    const root = await postOk(a, thread.id, "Premier avis");
    const reply = await postOk(b, thread.id, "Une réponse", root.id);
    const deeper = await postOk(a, thread.id, "Une réponse à la réponse", reply.id);
    expect(reply).toMatchObject({ parentId: root.id, depth: 1 });
    expect(deeper).toMatchObject({ parentId: reply.id, depth: 2 });
    expect((await db.post.findUniqueOrThrow({ where: { id: root.id } })).replyCount).toBe(1);
    expect((await db.post.findUniqueOrThrow({ where: { id: deeper.id } })).rootId).toBe(root.id);
    expect((await counters(thread.id)).postCount).toBe(3);
  });

  it.each([
    ["anonymous", null, 401],
    ["a suspended member", "suspended", 403],
  ])("refuses %s with %i and writes nothing", async (_label, who, status) => {
    const thread = await createThreadRow();
    const member = who ? await createMember({ suspendedUntil: null }) : null;
    expect((await post(member, thread.id, { body: "Bonjour" })).status).toBe(status);
    expect(await counters(thread.id)).toMatchObject({ postCount: 0, visible: 0 });
  });

  it("refuses a locked thread with 403 and a clear message", async () => {
    const thread = await createThreadRow({ isLocked: true });
    const response = await post(await createMember(), thread.id, { body: "Bonjour" });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain("verrouillé");
    expect((await counters(thread.id)).visible).toBe(0);
  });

  it("answers 404 for an unknown thread, a hidden one, and a parent from another thread", async () => {
    const member = await createMember();
    expect((await post(member, 999_999, { body: "Bonjour" })).status).toBe(404);
    expect((await post(member, (await createThreadRow({ hiddenAt: new Date() })).id, { body: "Bonjour" })).status).toBe(404);
    const elsewhere = await postOk(member, (await createThreadRow()).id, "Ailleurs");
    const thread = await createThreadRow();
    const response = await post(member, thread.id, { body: "Réponse égarée", parentId: elsewhere.id });
    expect(response.status).toBe(404);
    expect((await counters(thread.id)).visible).toBe(0);
  });

  it.each([
    ["an empty body", { body: "" }],
    ["a body of spaces", { body: "   \n " }],
    ["a body over 20,000 characters", { body: "x".repeat(20_001) }],
    ["a malformed parentId", { body: "ok", parentId: "abc" }],
  ])("answers 400 for %s", async (_label, json) => {
    const thread = await createThreadRow();
    const response = await post(await createMember(), thread.id, json);
    expect(response.status).toBe(400);
    expect(response.body.error.issues.length).toBeGreaterThan(0);
  });

  it("accepts a body of exactly 20,000 characters after trimming", async () => {
    const thread = await createThreadRow();
    const response = await post(await createMember(), thread.id, { body: `  ${"x".repeat(20_000)}  ` });
    expect(response.status).toBe(201);
    expect(response.body.body).toHaveLength(20_000);
  });

  it("limits a member to one post per 10 seconds (429 with Retry-After), counted in PostgreSQL", async () => {
    const thread = await createThreadRow();
    const member = await createMember();
    expect((await post(member, thread.id, { body: "Un" })).status).toBe(201);
    const refused = await post(member, thread.id, { body: "Deux" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(10);
    expect((await post(await createMember(), thread.id, { body: "Un autre membre" })).status).toBe(201);
  });

  it("limits a member to 30 posts an hour", async () => {
    const thread = await createThreadRow();
    const member = await createMember();
    const hourAgo = Date.now() - 50 * 60_000;
    await db.rateLimitHit.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ key: `postsPerMemberHour:${member.id}`, createdAt: new Date(hourAgo + i * 1000) })),
    });
    const refused = await post(member, thread.id, { body: "Un de trop" });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain("30 contributions");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(500);
  });
});

describe("listing (GET /api/threads/{id}/posts)", () => {
  it("lists conversations oldest first, replies depth-first under their parent, with author and counters", async () => {
    const thread = await createThreadRow();
    const [a, b] = [await createMember(), await createMember()];
    const first = await postOk(a, thread.id, "Premier");
    const second = await postOk(b, thread.id, "Second");
    const reply1 = await postOk(b, thread.id, "Réponse 1 au premier", first.id);
    const reply2 = await postOk(a, thread.id, "Réponse 2 au premier", first.id);
    const nested = await postOk(a, thread.id, "Réponse à la réponse 1", reply1.id);
    const { body } = await list(thread.id);
    expect(body.items.map((item: { id: number }) => item.id)).toEqual([first.id, reply1.id, nested.id, reply2.id, second.id]);
    expect(body.items[0]).toMatchObject({ author: { name: a.name }, replyCount: 2, upvotes: 0, downvotes: 0, score: 0, hasMoreReplies: false });
    expect(body.items[2]).toMatchObject({ parentId: reply1.id, depth: 2 });
    expect(body.nextCursor).toBeNull();
  });

  it("pages by keyset, stable while posts are added between pages", async () => {
    const thread = await createThreadRow();
    const member = await createMember();
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await postOk(member, thread.id, `Avis ${i}`)).id);
    const firstPage = await list(thread.id, "?limit=2");
    expect(firstPage.body.items.map((item: { id: number }) => item.id)).toEqual(ids.slice(0, 2));
    const added = await postOk(member, thread.id, "Arrivé entre deux pages");
    const seen = [...firstPage.body.items.map((item: { id: number }) => item.id)];
    let cursor = firstPage.body.nextCursor;
    while (cursor) {
      const page = await list(thread.id, `?limit=2&cursor=${cursor}`);
      seen.push(...page.body.items.map((item: { id: number }) => item.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual([...ids, added.id]);
  });

  it(`shows the first ${REPLIES_PER_CONVERSATION} replies of a conversation and says when there are more`, async () => {
    const thread = await createThreadRow();
    const member = await createMember();
    const root = await postOk(member, thread.id, "Un sujet brûlant");
    await db.post.createMany({
      data: Array.from({ length: REPLIES_PER_CONVERSATION + 2 }, (_, i) => ({
        threadId: thread.id, authorId: member.id, parentId: root.id, rootId: root.id, depth: 1, body: `r${i}`, bodyHtml: `<p>r${i}</p>`,
        createdAt: new Date(Date.now() + i * 1000),
      })),
    });
    const { body } = await list(thread.id);
    expect(body.items).toHaveLength(1 + REPLIES_PER_CONVERSATION);
    expect(body.items[0].hasMoreReplies).toBe(true);
    expect(body.items[1].body).toBe("r0");
  });

  it("answers 404 for an unknown thread and 400 for a bad cursor", async () => {
    expect((await list(999_999)).status).toBe(404);
    expect((await list((await createThreadRow()).id, "?cursor=abc")).status).toBe(400);
  });
});

describe("editing (PATCH /api/posts/{id})", () => {
  it("lets the author edit: the post shows edited, the previous text becomes a revision anyone can read", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    const created = await postOk(author, thread.id, "Version 1");
    const first = await edit(author, created.id, { body: "Version **2**" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ body: "Version **2**", editedAt: expect.any(String) });
    expect(first.body.bodyHtml).toContain("<strong>2</strong>");
    await edit(author, created.id, { body: "Version 3" });
    const history = await revisions(created.id);
    expect(history.status).toBe(200);
    expect(history.body.current.body).toBe("Version 3");
    expect(history.body.items.map((r: { body: string }) => r.body)).toEqual(["Version **2**", "Version 1"]);
  });

  it("writes no revision when the text is unchanged", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    const created = await postOk(author, thread.id, "Inchangé");
    expect((await edit(author, created.id, { body: "  Inchangé " })).body.editedAt).toBeNull();
    expect(await db.postRevision.count({ where: { postId: created.id } })).toBe(0);
  });

  it.each([
    ["anonymous", "anonymous", 401],
    ["another member", "other", 403],
    ["the author, suspended", "suspended", 403],
    ["the author, in a locked thread", "locked", 403],
  ])("refuses %s with %i and changes nothing", async (_label, who, status) => {
    const thread = await createThreadRow();
    const author = await createMember();
    const created = await postOk(author, thread.id, "Original");
    if (who === "suspended") await db.user.update({ where: { id: author.id }, data: { suspendedAt: new Date() } });
    if (who === "locked") await db.thread.update({ where: { id: thread.id }, data: { isLocked: true } });
    const editor = who === "anonymous" ? null : who === "other" ? await createMember() : author;
    expect((await edit(editor, created.id, { body: "Piraté" })).status).toBe(status);
    expect((await db.post.findUniqueOrThrow({ where: { id: created.id } })).body).toBe("Original");
    expect(await db.postRevision.count({ where: { postId: created.id } })).toBe(0);
  });
});

describe("deleting (DELETE /api/posts/{id})", () => {
  it("soft-deletes for the author: a placeholder keeps the tree, the row and revisions stay for moderators", async () => {
    const thread = await createThreadRow();
    const [author, other] = [await createMember(), await createMember()];
    const root = await postOk(author, thread.id, "À supprimer");
    await edit(author, root.id, { body: "À supprimer, version 2" });
    const reply = await postOk(other, thread.id, "Une réponse qui reste", root.id);
    expect((await remove(author, root.id)).status).toBe(204);

    const { body } = await list(thread.id);
    expect(body.items.map((item: { id: number }) => item.id)).toEqual([root.id, reply.id]);
    expect(body.items[0]).toMatchObject({ deleted: true, body: null, bodyHtml: null, author: null });
    expect(body.items[1].body).toBe("Une réponse qui reste");
    expect((await db.post.findUniqueOrThrow({ where: { id: root.id } })).body).toBe("À supprimer, version 2");
    expect(await db.postRevision.count({ where: { postId: root.id } })).toBe(1);
    expect(await counters(thread.id)).toMatchObject({ postCount: 1, visible: 1 });

    expect((await revisions(root.id)).status).toBe(401);
    const moderator = await createMember({ role: "MODERATOR" });
    expect((await revisions(root.id, moderator.cookie)).body.items).toHaveLength(1);
    // Deleting again changes nothing.
    expect((await remove(author, root.id)).status).toBe(204);
    expect((await counters(thread.id)).postCount).toBe(1);
  });

  it.each([
    ["anonymous", 401],
    ["another member", 403],
  ])("refuses %s with %i", async (label, status) => {
    const thread = await createThreadRow();
    const author = await createMember();
    const created = await postOk(author, thread.id, "Reste");
    expect((await remove(label === "anonymous" ? null : await createMember(), created.id)).status).toBe(status);
    expect((await db.post.findUniqueOrThrow({ where: { id: created.id } })).deletedAt).toBeNull();
  });

  it("refuses a reply to a deleted post", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    const created = await postOk(author, thread.id, "Bientôt supprimé");
    await remove(author, created.id);
    expect((await post(await createMember(), thread.id, { body: "Trop tard", parentId: created.id })).status).toBe(409);
  });
});

describe("proposing a thread (POST /api/threads)", () => {
  const create = (member: Member | null, json: unknown) =>
    call(createThreadRoute, "/api/threads", { method: "POST", json, headers: member ? { cookie: member.cookie } : {} });

  it("creates an open, unpinned thread with a readable slug", async () => {
    const member = await createMember();
    const { status, body } = await create(member, { title: "  Faut-il une licence « open weights » ?  ", body: "Mon **contexte**." });
    expect(status).toBe(201);
    expect(body).toMatchObject({ title: "Faut-il une licence « open weights » ?", kind: "OPEN", isPinned: false, postCount: 0 });
    expect(body.slug).toBe(`faut-il-une-licence-open-weights-${body.id}`);
  });

  it.each([
    ["a 7-character title", { title: "Trop co", body: "x" }, 400],
    ["a 201-character title", { title: "t".repeat(201), body: "x" }, 400],
    ["an empty body", { title: "Une vraie question ?", body: " " }, 400],
  ])("answers %s with %i", async (_label, json, status) => {
    expect((await create(await createMember(), json)).status).toBe(status);
  });

  it("creates a prise de position with its positions, in order, in the palette's colours unless chosen", async () => {
    const { status, body } = await create(await createMember(), {
      title: "Les poids ouverts suffisent-ils ?",
      body: "Contexte",
      kind: "POSITION",
      positions: [{ label: " Oui ", description: "Les poids suffisent." }, { label: "Non", colour: "VERMILION" }, { label: "Ça dépend", description: "" }],
    });
    expect(status).toBe(201);
    expect(body.kind).toBe("POSITION");
    expect(body.positions).toEqual([
      { id: expect.any(Number), label: "Oui", description: "Les poids suffisent.", colour: "BLUE", stanceCount: 0 },
      { id: expect.any(Number), label: "Non", description: null, colour: "VERMILION", stanceCount: 0 },
      { id: expect.any(Number), label: "Ça dépend", description: null, colour: "BLUISH_GREEN", stanceCount: 0 },
    ]);
  });

  it.each([
    ["one position", { kind: "POSITION", positions: [{ label: "Oui" }] }, "positions", "au moins 2"],
    ["five positions", { kind: "POSITION", positions: ["A", "B", "C", "D", "E"].map((label) => ({ label })) }, "positions", "au plus 4"],
    ["positions on an open question", { kind: "OPEN", positions: [{ label: "Oui" }, { label: "Non" }] }, "positions", "question ouverte"],
    ["two labels equal but for case and width", { kind: "POSITION", positions: [{ label: "Oui" }, { label: "ＯＵＩ" }] }, "positions.1.label", "même nom"],
    ["two equal colours", { kind: "POSITION", positions: [{ label: "Oui" }, { label: "Non", colour: "BLUE" }] }, "positions.1.colour", "même couleur"],
    ["an empty label", { kind: "POSITION", positions: [{ label: "Oui" }, { label: "  " }] }, "positions.1.label", "Nommez"],
    ["a 41-character label", { kind: "POSITION", positions: [{ label: "Oui" }, { label: "n".repeat(41) }] }, "positions.1.label", "40"],
    ["a label with a newline", { kind: "POSITION", positions: [{ label: "Oui" }, { label: "No\nn" }] }, "positions.1.label", "une seule ligne"],
    ["a right-to-left override", { kind: "POSITION", positions: [{ label: "Oui" }, { label: "\u202Enon" }] }, "positions.1.label", "une seule ligne"],
    ["a colour off the palette", { kind: "POSITION", positions: [{ label: "Oui" }, { label: "Non", colour: "RED" }] }, "positions.1.colour", "BLUE"],
    ["an unknown kind", { kind: "POLL" }, "kind", "OPEN"],
  ])("refuses %s with a 400 on the field, and writes nothing", async (_label, fields, path, message) => {
    const title = `Une question refusée : ${_label}`;
    const { status, body } = await create(await createMember(), { title, body: "Contexte", ...fields });
    expect(status).toBe(400);
    const issue = body.error.issues.find((issue: { path: string }) => issue.path === path);
    expect(issue?.message.toLowerCase()).toContain(message.toLowerCase());
    expect(await db.thread.count({ where: { title } })).toBe(0);
  });

  it("refuses anonymous (401) and suspended (403) members", async () => {
    const json = { title: "Une vraie question ?", body: "Contexte" };
    expect((await create(null, json)).status).toBe(401);
    expect((await create(await createMember({ suspendedUntil: null }), json)).status).toBe(403);
    expect(await db.thread.count({ where: { title: json.title } })).toBe(0);
  });
});

describe("the rest of a conversation (GET /api/posts/{id}/replies)", () => {
  it("pages through every reply after those shown, oldest first", async () => {
    const { GET: repliesRoute } = await import("@/app/api/posts/[id]/replies/route");
    const thread = await createThreadRow();
    const member = await createMember();
    const root = await postOk(member, thread.id, "Un sujet inépuisable");
    const total = REPLIES_PER_CONVERSATION + 70;
    await db.post.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        threadId: thread.id, authorId: member.id, parentId: root.id, rootId: root.id, depth: 1, body: `r${i}`, bodyHtml: `<p>r${i}</p>`,
        createdAt: new Date(Date.now() + i * 1000),
      })),
    });
    const first = await list(thread.id);
    const shown = first.body.items.slice(1).map((item: { body: string }) => item.body);
    expect(shown).toHaveLength(REPLIES_PER_CONVERSATION);
    const last = first.body.items.at(-1);
    let cursor: string | null = Buffer.from(JSON.stringify({ at: last.createdAt, id: last.id })).toString("base64url");
    const rest: string[] = [];
    while (cursor) {
      const page = await call(repliesRoute, `/api/posts/${root.id}/replies?limit=30&cursor=${cursor}`, { params: { id: String(root.id) } });
      expect(page.status).toBe(200);
      rest.push(...page.body.items.map((item: { body: string; rootId: number }) => item.body));
      cursor = page.body.nextCursor;
    }
    expect([...shown, ...rest]).toEqual(Array.from({ length: total }, (_, i) => `r${i}`));
    expect((await call(repliesRoute, "/api/posts/999999/replies", { params: { id: "999999" } })).status).toBe(404);
  });
});
