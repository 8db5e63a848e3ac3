// One answer to "who may do what" (lib/authorization.ts): the pages render from it, and the API
// refuses with the same reason. The cases the pages used to get wrong: a member whose suspension
// has ended, and a suspended moderator.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PUT as votePostRoute } from "@/app/api/posts/[id]/vote/route";
import { POST as suspendRoute } from "@/app/api/moderation/users/[id]/suspend/route";
import { POST as unsuspendRoute } from "@/app/api/moderation/users/[id]/unsuspend/route";
import { POST as reportRoute } from "@/app/api/reports/route";
import AdminUsersPage from "@/app/admin/users/page";
import ModerationQueuePage from "@/app/moderation/page";
import { SiteHeader } from "@/components/site-header";
import { postPermissions, postTarget, sitePermissions, userPermissions } from "@/lib/authorization";
import { createPrismaClient } from "@/lib/prisma-client";
import { actorFields } from "@/lib/users";
import { createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { NotFoundError, renderPage } from "../support/render-page";
import { createMember } from "../support/session";

vi.mock("next/headers", async () => (await import("../support/render-page")).nextHeadersMock());
vi.mock("next/navigation", async () => (await import("../support/render-page")).nextNavigationMock());

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => db.rateLimitHit.deleteMany());

type Member = Awaited<ReturnType<typeof createMember>>;
const HOUR_MS = 3_600_000;
/** The user as every permission check sees them: read fresh from the database. */
const actor = (member: Member) => db.user.findUniqueOrThrow({ select: actorFields, where: { id: member.id } });
const post = (handler: Parameters<typeof call>[0], path: string, member: Member, json?: unknown, id?: number) =>
  call(handler, path, { method: path.endsWith("/vote") ? "PUT" : "POST", json, params: id ? { id: String(id) } : {}, headers: { cookie: member.cookie } });

/** A post by `author`, reported by someone else: it stands in the moderation queue. */
async function reportedPostBy(author: Member) {
  const thread = await createThreadRow();
  const created = await db.post.create({ data: { threadId: thread.id, authorId: author.id, body: "Un avis signalé", bodyHtml: "<p>Un avis signalé</p>" } });
  const reporter = await createMember();
  expect((await post(reportRoute, "/api/reports", reporter, { targetType: "POST", targetId: created.id, reason: "SPAM" })).status).toBe(201);
  return created;
}

describe("a member whose suspension has ended", () => {
  it("may be suspended again and has no suspension to lift, in the function and in the API", async () => {
    const moderator = await createMember({ role: "MODERATOR" });
    const member = await createMember({ suspendedUntil: new Date(Date.now() - HOUR_MS) });
    const can = userPermissions(await actor(moderator), await actor(member));
    expect(can.suspend).toEqual({ allowed: true });
    expect(can.unsuspend).toMatchObject({ allowed: false, reason: "Ce membre n'est pas suspendu." });

    const lifted = await post(unsuspendRoute, `/api/moderation/users/${member.id}/unsuspend`, moderator, undefined, member.id);
    expect(lifted.status).toBe(409);
    expect(lifted.body.error.message).toBe("Ce membre n'est pas suspendu.");
    expect((await post(suspendRoute, `/api/moderation/users/${member.id}/suspend`, moderator, { until: null, reason: "Récidive" }, member.id)).status).toBe(200);
    expect(userPermissions(await actor(moderator), await actor(member)).suspend).toMatchObject({ allowed: false, code: "conflict" });
  });

  it("gets a suspend button in the moderation queue", async () => {
    const moderator = await createMember({ role: "MODERATOR" });
    const member = await createMember({ suspendedUntil: new Date(Date.now() - HOUR_MS) });
    await reportedPostBy(member);
    const html = await renderPage(ModerationQueuePage, { searchParams: Promise.resolve({}) }, moderator.cookie);
    expect(html).toContain(`Suspendre ${member.name}`);
  });

  it("is not shown as suspended on the admins' roles page; a member suspended now is", async () => {
    const admin = await createMember({ role: "ADMIN" });
    const ended = await createMember({ suspendedUntil: new Date(Date.now() - HOUR_MS) });
    const current = await createMember({ suspendedUntil: new Date(Date.now() + HOUR_MS) });
    const rowOf = async (member: Member) => {
      const html = await renderPage(AdminUsersPage, { searchParams: Promise.resolve({ q: member.email }) }, admin.cookie);
      return html.slice(html.indexOf("<tbody"), html.indexOf("</tbody>"));
    };
    const endedRow = await rowOf(ended);
    expect(endedRow).toContain(ended.name);
    expect(endedRow).not.toContain("(suspendu)");
    expect(await rowOf(current)).toContain("(suspendu)");
  });
});

describe("a suspended moderator", () => {
  it("may not moderate: the function says why, and it is the API's reason", async () => {
    const moderator = await createMember({ role: "MODERATOR", suspendedUntil: new Date(Date.now() + HOUR_MS) });
    const site = sitePermissions(await actor(moderator));
    expect(site.moderation).toMatchObject({ allowed: false, code: "forbidden" });
    expect(site.moderation).not.toHaveProperty("needsSignIn");
    if (site.moderation.allowed) return;
    expect(site.moderation.reason).toMatch(/^Votre compte est suspendu jusqu’au .+ : vous ne pouvez pas écrire\.$/);
    const member = await createMember();
    const refused = await post(suspendRoute, `/api/moderation/users/${member.id}/suspend`, moderator, { until: null, reason: "Test" }, member.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(site.moderation.reason);
  });

  it("sees no « Modération » link in the header, and the queue is a 404; an active moderator sees both", async () => {
    const suspended = await createMember({ role: "MODERATOR", suspendedUntil: null });
    const active = await createMember({ role: "MODERATOR" });
    expect(await renderPage(SiteHeader, {}, suspended.cookie)).not.toContain('href="/moderation"');
    await expect(renderPage(ModerationQueuePage, { searchParams: Promise.resolve({}) }, suspended.cookie)).rejects.toBeInstanceOf(NotFoundError);
    expect(await renderPage(SiteHeader, {}, active.cookie)).toContain('href="/moderation"');
    expect(await renderPage(ModerationQueuePage, { searchParams: Promise.resolve({}) }, active.cookie)).toContain("Signalements");
  });
});

describe("one rule, one reason", () => {
  it("tells the page the reason the API gives: no vote on one's own post, a sign-in for the signed out", async () => {
    const author = await createMember();
    const thread = await createThreadRow();
    const own = await db.post.create({ data: { threadId: thread.id, authorId: author.id, body: "Mon avis", bodyHtml: "<p>Mon avis</p>" } });
    const target = postTarget(own, { authorId: null, isLocked: false, hiddenAt: null, closedAt: null });
    const vote = postPermissions(await actor(author), target).vote;
    const refused = await post(votePostRoute, `/api/posts/${own.id}/vote`, author, { value: 1 }, own.id);
    expect(refused.status).toBe(403);
    expect(vote).toEqual({ allowed: false, code: "forbidden", reason: refused.body.error.message });
    expect(postPermissions(null, target).vote).toEqual({ allowed: false, code: "unauthorized", reason: "Connectez-vous pour voter.", needsSignIn: true });
  });

  it("refuses a report of one's own post, in the function and in the API", async () => {
    const author = await createMember();
    const thread = await createThreadRow();
    const own = await db.post.create({ data: { threadId: thread.id, authorId: author.id, body: "Mon avis", bodyHtml: "<p>Mon avis</p>" } });
    const refused = await post(reportRoute, "/api/reports", author, { targetType: "POST", targetId: own.id, reason: "SPAM" });
    expect(refused.status).toBe(403);
    const report = postPermissions(await actor(author), postTarget(own, { authorId: null, isLocked: false, hiddenAt: null, closedAt: null })).report;
    expect(report).toEqual({ allowed: false, code: "forbidden", reason: refused.body.error.message });
  });
});
