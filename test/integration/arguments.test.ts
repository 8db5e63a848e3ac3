// Facets of open questions (proposed with the question, chosen by each top-level post, filtered
// by) and « Les arguments » (the best visible top-level posts of each position or facet).
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getThreadRoute } from "@/app/api/threads/[id]/route";
import { GET as listRoute, POST as postRoute } from "@/app/api/threads/[id]/posts/route";
import { POST as createThreadRoute } from "@/app/api/threads/route";
import { ARGUMENTS_COUNTED_MAX } from "@/lib/arguments";
import { listQuestionHighlights } from "@/lib/question-highlights";
import { db as appDb } from "@/lib/db";
import { createPrismaClient } from "@/lib/prisma-client";
import { createPositionQuestion, createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;
type Issue = { path: string; message: string };

const propose = (member: Member, json: unknown) => call(createThreadRoute, "/api/threads", { method: "POST", json, headers: { cookie: member.cookie } });
const publish = (member: Member, threadId: number, json: unknown) =>
  call(postRoute, `/api/threads/${threadId}/posts`, { method: "POST", params: { id: String(threadId) }, json, headers: { cookie: member.cookie } });
const listPage = (threadId: number, query: string) => call(listRoute, `/api/threads/${threadId}/posts?${query}`, { params: { id: String(threadId) } });
const issuesOf = (body: { error: { issues?: Issue[] } }) => body.error.issues ?? [];

async function publishOk(member: Member, threadId: number, json: Record<string, unknown>) {
  await db.rateLimitHit.deleteMany();
  const response = await publish(member, threadId, json);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: number; facet: { id: number; label: string } | null };
}

/** An open question with the facets « Risques » and « Opportunités », proposed through the API. */
async function facetedQuestion(author: Member) {
  await db.rateLimitHit.deleteMany();
  const created = await propose(author, {
    title: "Faut-il publier les poids des modèles ?",
    body: "Le contexte.",
    kind: "OPEN",
    facets: [{ label: "Risques", description: "Ce qui peut mal tourner" }, { label: "Opportunités" }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const read = await call(getThreadRoute, `/api/threads/${created.body.id}`, { params: { id: String(created.body.id) } });
  return read.body as { id: number; facets: { id: number; label: string; description: string | null }[] };
}

describe("proposing a question with facets (POST /api/threads)", () => {
  it("writes an open question's facets in the order given, and GET /api/threads/{id} returns them", async () => {
    const thread = await facetedQuestion(await createMember());
    expect(thread.facets).toEqual([
      { id: expect.any(Number), label: "Risques", description: "Ce qui peut mal tourner" },
      { id: expect.any(Number), label: "Opportunités", description: null },
    ]);
  });

  it.each([
    ["a prise de position with facets", { kind: "POSITION", positions: [{ label: "Oui" }, { label: "Non" }], facets: [{ label: "A" }, { label: "B" }] }, "facets", /pas par thème/],
    ["a single facet", { kind: "OPEN", facets: [{ label: "Risques" }] }, "facets", /en 2 à 4 thèmes, ou en aucun/],
    ["five facets", { kind: "OPEN", facets: ["A", "B", "C", "D", "E"].map((label) => ({ label })) }, "facets", /au plus 4 thèmes/],
    ["two facets named alike (case, width)", { kind: "OPEN", facets: [{ label: "Données" }, { label: "DONNÉES" }] }, "facets.1.label", /même nom/],
    ["a facet on two lines", { kind: "OPEN", facets: [{ label: "Risques\nmajeurs" }, { label: "B" }] }, "facets.0.label", /Une seule ligne/],
    ["a bidirectional override", { kind: "OPEN", facets: [{ label: "A\u202Eb" }, { label: "B" }] }, "facets.0.label", /Une seule ligne/],
    ["a facet too long", { kind: "OPEN", facets: [{ label: "x".repeat(41) }, { label: "B" }] }, "facets.0.label", /au plus 40 caractères/],
  ])("refuses %s, in French, on the field", async (_name, fields, path, message) => {
    const member = await createMember();
    const { status, body } = await propose(member, { title: "Une question à regrouper ?", body: "Le contexte.", ...fields });
    expect(status).toBe(400);
    expect(issuesOf(body)).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await db.thread.count({ where: { authorId: member.id } })).toBe(0);
  });
});

describe("a top-level post's facet (POST /api/threads/{id}/posts)", () => {
  it("is required on a question with facets, and must be one of its own", async () => {
    const author = await createMember();
    const thread = await facetedQuestion(author);
    const other = await facetedQuestion(author);
    const member = await createMember();

    const without = await publish(member, thread.id, { body: "Sans thème." });
    expect(without.status).toBe(400);
    expect(without.body.error.message).toBe("Choisissez le thème de votre argument : « Risques », « Opportunités ».");
    expect(issuesOf(without.body)).toEqual([{ path: "facetId", message: without.body.error.message }]);

    const foreign = await publish(member, thread.id, { body: "Le thème d’une autre question.", facetId: other.facets[0].id });
    expect(foreign.status).toBe(400);
    expect(issuesOf(foreign.body)[0]).toMatchObject({ path: "facetId", message: expect.stringContaining("Choisissez le thème de votre argument") });
    expect(await db.post.count({ where: { threadId: thread.id } })).toBe(0);

    const chosen = await publishOk(member, thread.id, { body: "Un risque.", facetId: thread.facets[0].id });
    expect(chosen.facet).toEqual({ id: thread.facets[0].id, label: "Risques" });
  });

  it("is refused on a reply (it follows its conversation) and on a question without facets", async () => {
    const author = await createMember();
    const thread = await facetedQuestion(author);
    const root = await publishOk(author, thread.id, { body: "Une opportunité.", facetId: thread.facets[1].id });
    const reply = await publish(author, thread.id, { body: "Une réponse.", parentId: root.id, facetId: thread.facets[1].id });
    expect(reply.status).toBe(400);
    expect(issuesOf(reply.body)[0]).toMatchObject({ path: "facetId", message: expect.stringMatching(/réponse/) });
    expect((await publishOk(author, thread.id, { body: "Une réponse.", parentId: root.id })).facet).toBeNull();

    const plain = await createThreadRow();
    const refused = await publish(author, plain.id, { body: "Un thème de trop.", facetId: thread.facets[0].id });
    expect(refused.status).toBe(400);
    expect(issuesOf(refused.body)[0]).toMatchObject({ path: "facetId", message: expect.stringMatching(/ne regroupe pas/) });
    expect((await publishOk(author, plain.id, { body: "Sans thème." })).facet).toBeNull();
  });

  it("is kept to its question's facets and to top-level posts by the database too", async () => {
    const author = await createMember();
    const thread = await facetedQuestion(author);
    const other = await facetedQuestion(author);
    const insert = (facetId: number, parentId: number | null) =>
      db.$executeRaw`INSERT INTO posts (thread_id, author_id, body, facet_id, parent_id, root_id, depth) VALUES (${thread.id}, ${author.id}, 'x', ${facetId}, ${parentId}, ${parentId}, ${parentId ? 1 : 0})`;
    await expect(insert(other.facets[0].id, null)).rejects.toThrow(/posts_thread_id_facet_id_fkey/);
    const root = await publishOk(author, thread.id, { body: "Un risque.", facetId: thread.facets[0].id });
    await expect(insert(thread.facets[0].id, root.id)).rejects.toThrow(/posts_facet_check/);
  });
});

describe("the facet filter (GET /api/threads/{id}/posts?facet=)", () => {
  it("lists only the facet's top-level posts, and keeps the filter from page to page", async () => {
    const author = await createMember();
    const thread = await facetedQuestion(author);
    const [risks, chances] = thread.facets;
    const expected: number[] = [];
    for (let n = 0; n < 5; n += 1) {
      expected.push((await publishOk(author, thread.id, { body: `Risque ${n}`, facetId: risks.id })).id);
      await publishOk(author, thread.id, { body: `Opportunité ${n}`, facetId: chances.id });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await listPage(thread.id, `sort=new&facet=${risks.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      for (const item of page.body.items) expect(item.facet).toEqual({ id: risks.id, label: "Risques" });
      seen.push(...page.body.items.map((item: { id: number }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...expected].reverse());
    const all = await listPage(thread.id, "sort=new&limit=20");
    expect(all.body.items).toHaveLength(10);
  });
});

/** « Les arguments » of a question, as its page reads them (with « Points d'accord », in one statement). */
const listBestArguments = async (question: Parameters<typeof listQuestionHighlights>[0], perGroup?: number) =>
  (await listQuestionHighlights(question, perGroup)).arguments;

describe("« Les arguments »", () => {
  /** A post with its votes set as the vote triggers would leave them (the rank trigger ranks it). */
  async function scored(threadId: number, author: Member, upvotes: number, downvotes: number, extra: { facetId?: number } = {}) {
    const { id } = await db.post.create({ select: { id: true }, data: { threadId, authorId: author.id, body: "x", bodyHtml: `<p>Avis ${upvotes}/${downvotes}</p>`, ...extra } });
    await db.post.update({ where: { id }, data: { upvotes, downvotes } });
    return id;
  }

  it("gives each position its best visible top-level posts written from it, best first, with its count, in one statement", async () => {
    const question = await createPositionQuestion(["Pour", "Contre", "Mitigé"]);
    const [pour, contre] = question.positions;
    const pourMember = await createMember();
    const contreMember = await createMember();
    await db.threadStance.create({ data: { threadId: question.id, userId: pourMember.id, positionId: pour.id } });
    await db.threadStance.create({ data: { threadId: question.id, userId: contreMember.id, positionId: contre.id } });
    const weak = await scored(question.id, pourMember, 1, 3);
    const strong = await scored(question.id, pourMember, 40, 2);
    const middle = await scored(question.id, pourMember, 10, 2);
    const fourth = await scored(question.id, pourMember, 2, 2);
    const hidden = await scored(question.id, pourMember, 90, 0);
    await db.post.update({ where: { id: hidden }, data: { hiddenAt: new Date(), hiddenReason: "Hors sujet" } });
    const deleted = await scored(question.id, pourMember, 80, 0);
    await db.post.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
    // A reply, however well rated, is no argument of its own.
    await db.post.create({ data: { threadId: question.id, authorId: pourMember.id, body: "r", bodyHtml: "<p>r</p>", parentId: strong, rootId: strong, depth: 1, upvotes: 99 } });
    const against = await scored(question.id, contreMember, 3, 0);

    const statements = vi.spyOn(appDb, "$queryRaw");
    const groups = await listBestArguments({ id: question.id, kind: "POSITION", positions: question.positions, facets: [] });
    expect(statements).toHaveBeenCalledTimes(1);
    statements.mockRestore();

    expect(groups.map((group) => [group.kind, group.label, group.colour, group.postCount])).toEqual([
      ["position", "Pour", "BLUE", 4],
      ["position", "Contre", "ORANGE", 1],
      ["position", "Mitigé", "BLUISH_GREEN", 0],
    ]);
    expect(groups[0].posts.map((post) => post.id)).toEqual([strong, middle, fourth]);
    expect(groups[0].posts).not.toContainEqual(expect.objectContaining({ id: weak }));
    expect(groups[1].posts).toEqual([
      { id: against, authorName: contreMember.name, excerpt: "Avis 3/0", createdAt: expect.any(Date), score: 3, upvotes: 3, downvotes: 0 },
    ]);
    expect(groups[2].posts).toEqual([]);
    expect((await listBestArguments({ id: question.id, kind: "POSITION", positions: question.positions, facets: [] }, 1))[0].posts.map((post) => post.id)).toEqual([strong]);
  });

  it("groups an open question's posts by facet, or gives one group when it has none", async () => {
    const author = await createMember();
    const thread = await facetedQuestion(author);
    const [risks, chances] = thread.facets;
    const risk = await scored(thread.id, author, 5, 0, { facetId: risks.id });
    const chance = await scored(thread.id, author, 9, 1, { facetId: chances.id });
    const byFacet = await listBestArguments({ id: thread.id, kind: "OPEN", positions: [], facets: thread.facets });
    expect(byFacet.map((group) => ({ kind: group.kind, id: group.id, label: group.label, count: group.postCount, posts: group.posts.map((post) => post.id) }))).toEqual([
      { kind: "facet", id: risks.id, label: "Risques", count: 1, posts: [risk] },
      { kind: "facet", id: chances.id, label: "Opportunités", count: 1, posts: [chance] },
    ]);

    const plain = await createThreadRow();
    const low = await scored(plain.id, author, 1, 1);
    const high = await scored(plain.id, author, 8, 0);
    const [all, ...none] = await listBestArguments({ id: plain.id, kind: "OPEN", positions: [], facets: [] });
    expect(none).toEqual([]);
    expect(all).toMatchObject({ kind: "all", id: null, postCount: 2 });
    expect(all.posts.map((post) => post.id)).toEqual([high, low]);
  });

  it("counts a group's posts up to ARGUMENTS_COUNTED_MAX, and says when there are more", async () => {
    const author = await createMember();
    const plain = await createThreadRow();
    const insert = (count: number) =>
      db.$executeRaw`INSERT INTO posts (thread_id, author_id, body, body_html) SELECT ${plain.id}, ${author.id}, 'x', '<p>x</p>' FROM generate_series(1, ${count}::int)`;
    await insert(ARGUMENTS_COUNTED_MAX);
    const [exact] = await listBestArguments({ id: plain.id, kind: "OPEN", positions: [], facets: [] });
    expect(exact).toMatchObject({ postCount: ARGUMENTS_COUNTED_MAX, hasUncountedPosts: false });
    await insert(5);
    const [capped] = await listBestArguments({ id: plain.id, kind: "OPEN", positions: [], facets: [] });
    expect(capped).toMatchObject({ postCount: ARGUMENTS_COUNTED_MAX, hasUncountedPosts: true });
    expect(capped.posts).toHaveLength(3);
  });
});
