// The public journal says what moderation did, to which target, by its public number, and no
// more than a reader could see elsewhere: no title, no name, no reason, no moderator.
import { afterAll, describe, expect, it } from "vitest";
import { GET as journalRoute } from "@/app/api/moderation/journal/route";
import { POST as hidePostRoute } from "@/app/api/moderation/posts/[id]/hide/route";
import { POST as restorePostRoute } from "@/app/api/moderation/posts/[id]/restore/route";
import { POST as hideThreadRoute } from "@/app/api/moderation/threads/[id]/hide/route";
import { PATCH as moderateThreadRoute } from "@/app/api/moderation/threads/[id]/route";
import { POST as suspendRoute } from "@/app/api/moderation/users/[id]/suspend/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

type Member = Awaited<ReturnType<typeof createMember>>;
const moderate = (handler: Parameters<typeof call>[0], path: string, moderator: Member, id: number, json: unknown, method = "POST") =>
  call(handler, path, { method, json, params: { id: String(id) }, headers: { cookie: moderator.cookie } });

type Item = { action: string; target: { type: string; id: number; path: string | null } };
const journalItems = async (): Promise<Item[]> => {
  const journal = await call(journalRoute, "/api/moderation/journal?limit=100");
  expect(journal.status).toBe(200);
  return journal.body.items;
};

describe("the public moderation journal", () => {
  it("names each target by its public number, links it only while it is public, and shows no title, name or reason", async () => {
    const moderator = await createMember({ role: "MODERATOR" });
    const openThread = await createThreadRow();
    const hiddenThread = await createThreadRow();
    const author = await createMember();
    const post = await db.post.create({ data: { threadId: openThread.id, authorId: author.id, body: "Un avis", bodyHtml: "<p>Un avis</p>" } });
    const suspended = await createMember();

    expect((await moderate(hidePostRoute, `/api/moderation/posts/${post.id}/hide`, moderator, post.id, { reason: "Raison privée du masquage" })).status).toBe(204);
    expect((await moderate(hideThreadRoute, `/api/moderation/threads/${hiddenThread.id}/hide`, moderator, hiddenThread.id, { reason: "Raison privée du fil" })).status).toBe(204);
    const renamed = await moderate(moderateThreadRoute, `/api/moderation/threads/${openThread.id}`, moderator, openThread.id, { locked: true }, "PATCH");
    expect(renamed.status).toBe(200);
    const suspension = await moderate(suspendRoute, `/api/moderation/users/${suspended.id}/suspend`, moderator, suspended.id, { reason: "Raison privée de la suspension" });
    expect(suspension.status).toBe(200);

    const items = await journalItems();
    const of = (type: string, id: number) => items.filter((item) => item.target.type === type && item.target.id === id).map((item) => ({ action: item.action, path: item.target.path }));
    expect(of("POST", post.id)).toEqual([{ action: "HIDE_POST", path: null }]);
    expect(of("THREAD", hiddenThread.id)).toEqual([{ action: "HIDE_THREAD", path: null }]);
    expect(of("THREAD", openThread.id)).toEqual([{ action: "LOCK_THREAD", path: `/t/${openThread.slug}` }]);
    expect(of("USER", suspended.id)).toEqual([{ action: "SUSPEND_USER", path: `/u/${suspended.id}` }]);

    const text = JSON.stringify(items);
    for (const secret of [hiddenThread.title, openThread.title, suspended.name, moderator.name, "Raison privée", "Un avis"]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(items[0]).sort()).toEqual(["action", "createdAt", "id", "target"]);
  });

  it("links a post again once it is public, and never a post of a hidden thread", async () => {
    const moderator = await createMember({ role: "MODERATOR" });
    const thread = await createThreadRow();
    const author = await createMember();
    const post = await db.post.create({ data: { threadId: thread.id, authorId: author.id, body: "Un avis", bodyHtml: "<p>Un avis</p>" } });
    await moderate(hidePostRoute, `/api/moderation/posts/${post.id}/hide`, moderator, post.id, { reason: "Hors charte" });
    await moderate(restorePostRoute, `/api/moderation/posts/${post.id}/restore`, moderator, post.id, { reason: "Rétablie" });
    const entries = (await journalItems()).filter((item) => item.target.type === "POST" && item.target.id === post.id);
    expect(entries.map((item) => [item.action, item.target.path])).toEqual([
      ["RESTORE_POST", `/t/${thread.slug}#p-${post.id}`],
      ["HIDE_POST", `/t/${thread.slug}#p-${post.id}`],
    ]);

    await db.thread.update({ where: { id: thread.id }, data: { hiddenAt: new Date() } });
    const unlinked = (await journalItems()).filter((item) => item.target.type === "POST" && item.target.id === post.id);
    expect(unlinked.map((item) => item.target.path)).toEqual([null, null]);
  });
});
