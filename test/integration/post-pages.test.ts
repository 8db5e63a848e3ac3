// Paging both ways (thread pages and conversations), permalinks, and what each post says the
// viewer may do (issue 12): the pieces behind link paging and pages that never re-derive a rule.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { getPostLocation } from "@/lib/post-locations";
import { authorNamesOfPosts, listConversation, listPostsOfVisibleThread } from "@/lib/posts";
import { conversationPageQuery, CONVERSATION_PAGE_SIZE, threadPageQuery } from "@/lib/schemas/post";
import { encodeCursor } from "@/lib/schemas/pagination";
import { actorFields } from "@/lib/users";
import { createThreadRow } from "../support/factories";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

/** `count` top-level posts, a second apart, oldest first; returns their ids. */
async function seedRoots(threadId: number, authorId: number, count: number) {
  const rows = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO posts (thread_id, author_id, body, body_html, created_at)
    SELECT ${threadId}, ${authorId}, 'Avis ' || n, '<p>Avis ' || n || '</p>', now() - interval '1 hour' + n * interval '1 second'
    FROM generate_series(1, ${count}::int) AS n RETURNING id`;
  return rows.map((row) => row.id);
}

async function seedReplies(threadId: number, authorId: number, rootId: number, count: number) {
  const rows = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html, created_at)
    SELECT ${threadId}, ${authorId}, ${rootId}, ${rootId}, 1, 'Réponse ' || n, '<p>Réponse ' || n || '</p>', now() + n * interval '1 second'
    FROM generate_series(1, ${count}::int) AS n RETURNING id`;
  return rows.map((row) => row.id);
}

const bodies = (items: { body: string | null }[]) => items.map((item) => item.body);

describe("thread pages, both ways", () => {
  it("goes forward with cursor and back with before, and says when each way ends", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    await seedRoots(thread.id, author.id, 7);
    const first = await listPostsOfVisibleThread(null, { ...thread, positions: [] }, threadPageQuery({ sort: "old" }, 3));
    expect(bodies(first.items)).toEqual(["Avis 1", "Avis 2", "Avis 3"]);
    expect(first.previousCursor).toBeNull();
    const second = await listPostsOfVisibleThread(null, { ...thread, positions: [] }, threadPageQuery({ sort: "old", cursor: first.nextCursor! }, 3));
    expect(bodies(second.items)).toEqual(["Avis 4", "Avis 5", "Avis 6"]);
    const last = await listPostsOfVisibleThread(null, { ...thread, positions: [] }, threadPageQuery({ sort: "old", cursor: second.nextCursor! }, 3));
    expect(bodies(last.items)).toEqual(["Avis 7"]);
    expect(last.nextCursor).toBeNull();

    const backToSecond = await listPostsOfVisibleThread(null, { ...thread, positions: [] }, threadPageQuery({ sort: "old", before: last.previousCursor! }, 3));
    expect(bodies(backToSecond.items)).toEqual(["Avis 4", "Avis 5", "Avis 6"]);
    expect(backToSecond.nextCursor).not.toBeNull();
    const backToFirst = await listPostsOfVisibleThread(null, { ...thread, positions: [] }, threadPageQuery({ sort: "old", before: backToSecond.previousCursor! }, 3));
    expect(bodies(backToFirst.items)).toEqual(["Avis 1", "Avis 2", "Avis 3"]);
    expect(backToFirst.previousCursor).toBeNull();
  });

  it("pages back in a descending sort too (newest first)", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    await seedRoots(thread.id, author.id, 5);
    const first = await listPostsOfVisibleThread(null, { ...thread, positions: [] }, threadPageQuery({ sort: "new" }, 2));
    const second = await listPostsOfVisibleThread(null, { ...thread, positions: [] }, threadPageQuery({ sort: "new", cursor: first.nextCursor! }, 2));
    expect(bodies(second.items)).toEqual(["Avis 3", "Avis 2"]);
    const back = await listPostsOfVisibleThread(null, { ...thread, positions: [] }, threadPageQuery({ sort: "new", before: second.previousCursor! }, 2));
    expect(bodies(back.items)).toEqual(["Avis 5", "Avis 4"]);
  });

  it("drops a forged cursor, one of another sort, or both directions at once, instead of failing", () => {
    const otherSort = encodeCursor({ s: "new", v: "2026-01-01T00:00:00.000Z", id: 1 });
    for (const address of [{ cursor: "bm90LWpzb24" }, { sort: "best", cursor: otherSort }, { cursor: otherSort, before: otherSort, sort: "new" }, { sort: ["old", "new"] }]) {
      const query = threadPageQuery(address);
      expect(query.cursor).toBeUndefined();
      expect(query.before).toBeUndefined();
    }
    expect(threadPageQuery({ sort: "new", cursor: otherSort }).cursor).toEqual({ s: "new", v: "2026-01-01T00:00:00.000Z", id: 1 });
  });
});

describe("conversation pages, both ways", () => {
  it("pages the replies oldest first and back", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    const [root] = await seedRoots(thread.id, author.id, 1);
    await seedReplies(thread.id, author.id, root, CONVERSATION_PAGE_SIZE + 2);
    const first = await listConversation(null, root, conversationPageQuery({}));
    expect(first.items).toHaveLength(CONVERSATION_PAGE_SIZE);
    expect(first.previousCursor).toBeNull();
    const second = await listConversation(null, root, conversationPageQuery({ cursor: first.nextCursor! }));
    expect(bodies(second.items)).toEqual([`Réponse ${CONVERSATION_PAGE_SIZE + 1}`, `Réponse ${CONVERSATION_PAGE_SIZE + 2}`]);
    const back = await listConversation(null, root, conversationPageQuery({ before: second.previousCursor! }));
    expect(bodies(back.items)).toEqual(bodies(first.items));
    expect(back.previousCursor).toBeNull();
  });
});

describe("permalinks (getPostLocation)", () => {
  it("finds a reply's page of its conversation, and hides a hidden thread's posts from others", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    const [root] = await seedRoots(thread.id, author.id, 1);
    const replies = await seedReplies(thread.id, author.id, root, CONVERSATION_PAGE_SIZE + 1);
    const slug = (await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).slug;

    expect(await getPostLocation(null, root)).toEqual({ threadPath: `/t/${slug}`, position: 0, path: `/t/${slug}/c/${root}#p-${root}` });
    expect((await getPostLocation(null, replies[2]))!.path).toBe(`/t/${slug}/c/${root}#p-${replies[2]}`);
    const late = (await getPostLocation(null, replies.at(-1)!))!;
    expect(late.position).toBe(CONVERSATION_PAGE_SIZE);
    const cursor = new URL(late.path, "http://x").searchParams.get("cursor")!;
    const page = await listConversation(null, root, conversationPageQuery({ cursor }));
    expect(page.items.map((item) => item.id)).toEqual([replies.at(-1)]);

    await db.thread.update({ where: { id: thread.id }, data: { hiddenAt: new Date(), hiddenReason: "Test" } });
    expect(await getPostLocation(null, root)).toBeNull();
    expect(await getPostLocation(null, 2_000_000_000)).toBeNull();
  });
});

describe("what a post says its viewer may do (PostView.can)", () => {
  it("follows lib/authorization.ts for a reader, the author, another member and a suspended one", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    const other = await createMember();
    const suspended = await createMember({ suspendedUntil: new Date(Date.now() + 86_400_000) });
    await seedRoots(thread.id, author.id, 1);
    const canOf = async (member: { id: number } | null) => {
      const actor = member && (await db.user.findUniqueOrThrow({ select: actorFields, where: { id: member.id } }));
      return (await listPostsOfVisibleThread(actor, { ...thread, positions: [] }, threadPageQuery({}))).items[0].can;
    };
    const reader = await canOf(null);
    expect(reader).toMatchObject({ vote: false, reply: false, report: false, edit: false, delete: false, hide: false });
    expect(reader.voteRefusal).toEqual({ reason: "Connectez-vous pour voter.", needsSignIn: true });
    expect(await canOf(author)).toMatchObject({ vote: false, reply: true, report: false, edit: true, delete: true, voteRefusal: { reason: "On ne vote pas pour sa propre contribution." } });
    expect(await canOf(other)).toMatchObject({ vote: true, reply: true, report: true, edit: false, delete: false, voteRefusal: null });
    const blocked = await canOf(suspended);
    expect(blocked).toMatchObject({ vote: false, reply: false, report: false });
    expect(blocked.voteRefusal?.reason).toMatch(/^Votre compte est suspendu jusqu’au/);
  });
});

describe("whom a deep reply answers", () => {
  it("names each post's author, and \"[supprimé]\" once the post is deleted", async () => {
    const thread = await createThreadRow();
    const author = await createMember();
    const [kept, deleted] = await seedRoots(thread.id, author.id, 2);
    await db.post.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
    const names = await authorNamesOfPosts([kept, deleted, 2_000_000_000]);
    expect(Object.fromEntries(names)).toEqual({ [kept]: author.name, [deleted]: "[supprimé]" });
    expect((await authorNamesOfPosts([])).size).toBe(0);
  });
});
