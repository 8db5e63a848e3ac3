// Hostile input is a 4xx JSON, never a 500: a NUL character (which PostgreSQL text cannot hold,
// 22021) in any text field of every write endpoint, in any key, however deep; cursors whose ids
// or dates PostgreSQL cannot hold (22003, 22008) on every paginated endpoint.
import { beforeAll, describe, expect, it } from "vitest";
import * as adminUser from "@/app/api/admin/users/[id]/route";
import * as password from "@/app/api/me/password/route";
import * as moderateCredit from "@/app/api/moderation/credits/[id]/route";
import * as journal from "@/app/api/moderation/journal/route";
import * as log from "@/app/api/moderation/log/route";
import * as postCredits from "@/app/api/moderation/posts/[id]/credits/route";
import * as hidePost from "@/app/api/moderation/posts/[id]/hide/route";
import * as resolveReport from "@/app/api/moderation/reports/[id]/resolve/route";
import * as hideThread from "@/app/api/moderation/threads/[id]/hide/route";
import * as closeThread from "@/app/api/moderation/threads/[id]/close/route";
import * as reopenThread from "@/app/api/moderation/threads/[id]/reopen/route";
import * as moderateThread from "@/app/api/moderation/threads/[id]/route";
import * as threadSummary from "@/app/api/moderation/threads/[id]/summary/route";
import * as suspend from "@/app/api/moderation/users/[id]/suspend/route";
import * as replies from "@/app/api/posts/[id]/replies/route";
import * as post from "@/app/api/posts/[id]/route";
import * as votePost from "@/app/api/posts/[id]/vote/route";
import * as reports from "@/app/api/reports/route";
import * as threadPosts from "@/app/api/threads/[id]/posts/route";
import * as stance from "@/app/api/threads/[id]/stance/route";
import * as voteThread from "@/app/api/threads/[id]/vote/route";
import * as threads from "@/app/api/threads/route";
import * as users from "@/app/api/users/route";
import { createPrismaClient } from "@/lib/prisma-client";
import { encodeCursor } from "@/lib/schemas/pagination";
import { createPositionQuestion, createThreadRow } from "../support/factories";
import { call } from "../support/http";
import { createMember } from "../support/session";

type Handler = Parameters<typeof call>[0];
type Write = { name: string; handler: Handler; method: string; path: string; body: Record<string, unknown> };

const NUL = "\u0000";
const WRITES: Write[] = [
  { name: "new thread", handler: threads.POST, method: "POST", path: "/api/threads", body: { title: "Une question assez longue ?", body: "Le contexte." } },
  { name: "new post", handler: threadPosts.POST, method: "POST", path: "/api/threads/1/posts", body: { body: "Mon avis." } },
  { name: "edit post", handler: post.PATCH, method: "PATCH", path: "/api/posts/1", body: { body: "Mon avis corrigé." } },
  { name: "vote on a post", handler: votePost.PUT, method: "PUT", path: "/api/posts/1/vote", body: { value: 1 } },
  { name: "vote on a thread", handler: voteThread.PUT, method: "PUT", path: "/api/threads/1/vote", body: { value: 1 } },
  { name: "stance", handler: stance.PUT, method: "PUT", path: "/api/threads/1/stance", body: { positionId: 1 } },
  { name: "report", handler: reports.POST, method: "POST", path: "/api/reports", body: { targetType: "POST", targetId: 1, reason: "OTHER", details: "Des précisions." } },
  { name: "resolve reports", handler: resolveReport.POST, method: "POST", path: "/api/moderation/reports/1/resolve", body: { action: "HIDE", reason: "Hors charte." } },
  { name: "hide a post", handler: hidePost.POST, method: "POST", path: "/api/moderation/posts/1/hide", body: { reason: "Hors charte." } },
  { name: "hide a thread", handler: hideThread.POST, method: "POST", path: "/api/moderation/threads/1/hide", body: { reason: "Hors charte." } },
  { name: "void a credit", handler: moderateCredit.POST, method: "POST", path: "/api/moderation/credits/1", body: { action: "VOID", reason: "Comptes multiples." } },
  { name: "rename a thread", handler: moderateThread.PATCH, method: "PATCH", path: "/api/moderation/threads/1", body: { title: "Un nouveau titre de fil" } },
  { name: "close a question", handler: closeThread.POST, method: "POST", path: "/api/moderation/threads/1/close", body: { reason: "Le débat a fait le tour." } },
  { name: "reopen a question", handler: reopenThread.POST, method: "POST", path: "/api/moderation/threads/1/reopen", body: { reason: "Un fait nouveau." } },
  { name: "write the closing summary", handler: threadSummary.PUT, method: "PUT", path: "/api/moderation/threads/1/summary", body: { body: "La synthèse." } },
  { name: "suspend", handler: suspend.POST, method: "POST", path: "/api/moderation/users/1/suspend", body: { until: "2999-01-01T00:00:00Z", reason: "Insultes." } },
  { name: "change a role", handler: adminUser.PATCH, method: "PATCH", path: "/api/admin/users/1", body: { role: "MODERATOR" } },
  { name: "sign up", handler: users.POST, method: "POST", path: "/api/users", body: { email: "nul@example.test", name: "Nul Part", password: "un mot de passe solide" } },
  { name: "change password", handler: password.POST, method: "POST", path: "/api/me/password", body: { currentPassword: "l’ancien mot de passe", newPassword: "un mot de passe solide" } },
];

let admin: Awaited<ReturnType<typeof createMember>>;
beforeAll(async () => {
  admin = await createMember({ role: "ADMIN" });
});

const send = (write: Write, body: unknown) =>
  call(write.handler, write.path, {
    method: write.method,
    params: { id: "1" },
    body: JSON.stringify(body),
    headers: { cookie: admin.cookie, "content-type": "application/json", origin: "http://localhost:3000" },
  });

describe("a NUL character in a JSON body", () => {
  const cases = WRITES.flatMap((write) =>
    Object.entries(write.body)
      .filter(([, value]) => typeof value === "string")
      .map(([field, value]) => ({ write, field, value: value as string })),
  );

  it.each(cases)("$write.name: a NUL in $field is a 400 naming the field", async ({ write, field, value }) => {
    const middle = Math.floor(value.length / 2);
    const { status, body } = await send(write, { ...write.body, [field]: `${value.slice(0, middle)}${NUL}${value.slice(middle)}` });
    expect(status, JSON.stringify(body)).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain("caractère nul");
    expect(body.error.issues).toEqual([{ path: field, message: expect.any(String) }]);
  });

  it.each(WRITES)("$name: a NUL in a key is a 400 too", async (write) => {
    const { status, body } = await send(write, { ...write.body, [`clé${NUL}`]: "x" });
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
  });

  it("is found at the bottom of a body nested 100,000 deep, without overflowing the stack", async () => {
    const deep = `${'{"a":['.repeat(50_000)}"${"\\u0000"}"${"]}".repeat(50_000)}`;
    const { status, body } = await call(threads.POST, "/api/threads", {
      method: "POST",
      body: deep,
      headers: { cookie: admin.cookie, "content-type": "application/json", origin: "http://localhost:3000" },
    });
    expect(status).toBe(400);
    expect(body.error.issues[0].path).toBe(Array(50_000).fill("a.0").join("."));
  });
});

describe("cursors PostgreSQL cannot hold", () => {
  let threadId: number;
  let questionId: number;
  let postId: number;
  let moderator: Awaited<ReturnType<typeof createMember>>;
  beforeAll(async () => {
    const db = createPrismaClient(process.env.DATABASE_URL!);
    const thread = await createThreadRow();
    // The consensus sort exists on a position question only.
    questionId = (await createPositionQuestion()).id;
    const author = await createMember();
    const root = await db.post.create({ data: { threadId: thread.id, authorId: author.id, body: "Un avis" } });
    await db.$disconnect();
    threadId = thread.id;
    postId = root.id;
    moderator = await createMember({ role: "MODERATOR" });
  });

  const BAD_IDS = [2 ** 31, 2 ** 53 + 2, 1e20, 0, -1];
  const BAD_DATES = ["0000-01-01T00:00:00Z", "0000-12-31T23:59:59.999Z", "1969-12-31T23:59:59Z"];
  const GOOD = { id: 1, at: "2026-01-01T00:00:00Z" };
  /** Cursors out of range, then one in range; `hasDate` when the key holds a time. */
  const keys = (key: (value: { id: number; at: string }) => object, hasDate = true) => [
    ...BAD_IDS.map((id) => ({ key: key({ ...GOOD, id }), isValid: false })),
    ...(hasDate ? BAD_DATES.map((at) => ({ key: key({ ...GOOD, at }), isValid: false })) : []),
    { key: key(GOOD), isValid: true },
  ];
  type Endpoint = { name: string; handler: Handler; path: string; keys: ReturnType<typeof keys>; id?: number; cookie?: boolean };
  const endpoints = (): Endpoint[] => [
    ...["new", "active"].map((sort) => ({
      name: `thread list, ${sort}`, handler: threads.GET, path: `/api/threads?sort=${sort}`,
      keys: keys(({ id, at }) => ({ s: sort, pinned: false, v: at, id })),
    })),
    { name: "thread list, hot", handler: threads.GET, path: "/api/threads?sort=hot", keys: keys(({ id }) => ({ s: "hot", pinned: false, v: 1.5, id }), false) },
    ...["new", "old"].map((sort) => ({
      name: `posts, ${sort}`, handler: threadPosts.GET, path: `/api/threads/${threadId}/posts?sort=${sort}`, id: threadId,
      keys: keys(({ id, at }) => ({ s: sort, v: at, id })),
    })),
    ...["best", "top"].map((sort) => ({
      name: `posts, ${sort}`, handler: threadPosts.GET, path: `/api/threads/${threadId}/posts?sort=${sort}`, id: threadId,
      keys: keys(({ id }) => ({ s: sort, v: 0, id }), false),
    })),
    {
      name: "posts, consensus", handler: threadPosts.GET, path: `/api/threads/${questionId}/posts?sort=consensus`, id: questionId,
      keys: keys(({ id }) => ({ s: "consensus", v: 0.25, id }), false),
    },
    { name: "replies", handler: replies.GET, path: `/api/posts/${postId}/replies?`, id: postId, keys: keys((key) => key) },
    { name: "a post's credits", handler: postCredits.GET, path: `/api/moderation/posts/${postId}/credits?`, id: postId, keys: keys((key) => key), cookie: true },
    { name: "moderation log", handler: log.GET, path: "/api/moderation/log?", keys: keys((key) => key), cookie: true },
    { name: "public journal", handler: journal.GET, path: "/api/moderation/journal?", keys: keys((key) => key) },
  ];

  it("every paginated endpoint answers 400 JSON to each bad cursor and 200 to a good one", async () => {
    const answers: string[] = [];
    for (const endpoint of endpoints()) {
      for (const { key, isValid } of endpoint.keys) {
        const { status, body } = await call(endpoint.handler, `${endpoint.path}&cursor=${encodeCursor(key)}`, {
          params: { id: String(endpoint.id ?? 1) },
          headers: endpoint.cookie ? { cookie: moderator.cookie } : {},
        });
        const expected = isValid ? 200 : 400;
        if (status !== expected || (!isValid && body.error?.code !== "bad_request")) answers.push(`${endpoint.name} ${JSON.stringify(key)}: ${status}`);
      }
    }
    expect(answers).toEqual([]);
  });
});
