import "server-only";
import { THREAD_RULE_FIELDS, assertAllowed, postPermissions, postTarget, requireActiveUser, requireModerator, threadPermissions, threadTarget } from "./authorization";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { closeReports, hideInTransaction } from "./moderation";
import { writeLog } from "./moderation-log";
import { consumeRateLimit } from "./rate-limit";
import type { CreateReportInput, ResolveReportInput } from "./schemas/moderation";
import type { Actor } from "./users";

/** Distinct established members whose open reports hide a post at once, pending review. */
export const AUTO_HIDE_REPORTERS = 3;

/**
 * An established member, whose report counts toward hiding a post: an account this old that has
 * at least one post the public can see. Accounts made minutes ago to hide someone's post (three
 * sock-puppets did it in 332 ms) do not count; their reports still reach the moderators.
 */
export const ESTABLISHED_ACCOUNT_AGE_HOURS = 72;
const HOUR_MS = 60 * 60 * 1000;

function establishedMembers(now: Date): Prisma.UserWhereInput {
  return {
    createdAt: { lte: new Date(now.getTime() - ESTABLISHED_ACCOUNT_AGE_HOURS * HOUR_MS) },
    posts: { some: { deletedAt: null, hiddenAt: null, thread: { hiddenAt: null } } },
  };
}

const AUTO_HIDE_REASON = `Masquée automatiquement après ${AUTO_HIDE_REPORTERS} signalements, en attente d’examen par la modération.`;

/** The rule of lib/authorization.ts on what the actor reports; a target that does not exist is a 404 too. */
async function assertReportable(actor: Actor, { targetType, targetId }: CreateReportInput) {
  const missing = new AppError("not_found", "Ce que vous signalez n'existe pas ou n'est plus visible.");
  if (targetType === "POST") {
    const post = await db.post.findUnique({
      select: { authorId: true, deletedAt: true, hiddenAt: true, hiddenById: true, thread: { select: THREAD_RULE_FIELDS } },
      where: { id: targetId },
    });
    if (!post) throw missing;
    assertAllowed(postPermissions(actor, postTarget(post, post.thread)).report);
  } else {
    const thread = await db.thread.findUnique({ select: { kind: true, ...THREAD_RULE_FIELDS }, where: { id: targetId } });
    if (!thread) throw missing;
    assertAllowed(threadPermissions(actor, threadTarget(thread)).report);
  }
}

/**
 * A member reports a post or a thread: one open report per member and target, 10 an hour. The
 * third distinct established reporter of a post hides it at once, in the same transaction,
 * pending review.
 */
export async function createReport(actor: Actor, input: CreateReportInput) {
  requireActiveUser(actor);
  await assertReportable(actor, input);
  await consumeRateLimit("reportsPerMember", String(actor.id));
  const target = input.targetType === "POST" ? { postId: input.targetId } : { threadId: input.targetId };
  try {
    return await db.$transaction(async (tx) => {
      // The post is locked first, so that the third report hides it exactly once under
      // concurrency; locked after the insert, each report's foreign key share-locks the post and
      // parallel reporters deadlock.
      const [post] =
        input.targetType === "POST"
          ? await tx.$queryRaw<{ hiddenAt: Date | null }[]>`SELECT hidden_at AS "hiddenAt" FROM posts WHERE id = ${input.targetId} FOR NO KEY UPDATE`
          : [];
      const report = await tx.report.create({
        select: { id: true, targetType: true, postId: true, threadId: true, reason: true, status: true, createdAt: true },
        data: { reporterId: actor.id, targetType: input.targetType, reason: input.reason, details: input.details, ...target },
      });
      if (post && !post.hiddenAt) {
        const reporters = await tx.report.count({ where: { postId: input.targetId, status: "OPEN", reporter: establishedMembers(new Date()) } });
        if (reporters >= AUTO_HIDE_REPORTERS) {
          await tx.post.update({ where: { id: input.targetId }, data: { hiddenAt: new Date(), hiddenReason: AUTO_HIDE_REASON } });
          await writeLog(tx, { actorId: null, action: "AUTO_HIDE_POST", targetType: "POST", postId: input.targetId, reason: AUTO_HIDE_REASON });
        }
      }
      return report;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "Vous avez déjà signalé ceci : la modération va l’examiner.");
    }
    throw error;
  }
}

type QueueGroup = { targetType: "POST" | "THREAD"; postId: number | null; threadId: number | null; count: number; isHidden: boolean };

/**
 * Reports grouped by target: hidden-pending-review first, then the most reported, then the
 * oldest. Each group carries the content, its author, and every report with its reporter.
 */
export async function listReportQueue(actor: Actor, status: "OPEN" | "DISMISSED" | "ACTIONED") {
  requireModerator(actor);
  const groups = await db.$queryRaw<QueueGroup[]>`
    SELECT r.target_type::text AS "targetType", r.post_id AS "postId", r.thread_id AS "threadId", count(*)::int AS count,
      bool_or(coalesce(p.hidden_at, t.hidden_at) IS NOT NULL) AS "isHidden"
    FROM reports r LEFT JOIN posts p ON p.id = r.post_id LEFT JOIN threads t ON t.id = r.thread_id
    WHERE r.status = ${status}::"ReportStatus"
    GROUP BY r.target_type, r.post_id, r.thread_id
    ORDER BY "isHidden" DESC, count DESC, min(r.created_at)
    LIMIT 100`;
  const postIds = groups.flatMap((group) => (group.postId ? [group.postId] : []));
  const threadIds = groups.flatMap((group) => (group.threadId ? [group.threadId] : []));
  const author = { select: { id: true, name: true, role: true, suspendedAt: true, suspendedUntil: true } } as const;
  const [reports, posts, threads] = await Promise.all([
    db.report.findMany({
      select: { id: true, postId: true, threadId: true, reason: true, details: true, createdAt: true, reporter: { select: { id: true, name: true } } },
      where: { status, OR: [{ postId: { in: postIds } }, { threadId: { in: threadIds } }] },
      orderBy: { createdAt: "asc" },
    }),
    db.post.findMany({
      select: {
        id: true, body: true, bodyHtml: true, authorId: true, hiddenAt: true, hiddenById: true, hiddenReason: true, deletedAt: true, author,
        thread: { select: { slug: true, title: true, ...THREAD_RULE_FIELDS } },
      },
      where: { id: { in: postIds } },
    }),
    db.thread.findMany({
      select: { id: true, slug: true, title: true, body: true, kind: true, ...THREAD_RULE_FIELDS, hiddenReason: true, author },
      where: { id: { in: threadIds } },
    }),
  ]);
  const postById = new Map(posts.map((post) => [post.id, post]));
  const threadById = new Map(threads.map((thread) => [thread.id, thread]));
  return {
    items: groups.map((group) => ({
      ...group,
      post: group.postId ? postById.get(group.postId) : undefined,
      thread: group.threadId ? threadById.get(group.threadId) : undefined,
      reports: reports.filter((report) => (group.postId ? report.postId === group.postId : report.threadId === group.threadId)),
    })),
  };
}

/**
 * Acting on a report acts on its target and resolves every open report of that target: HIDE
 * hides it (reason required); DISMISS closes the reports and restores a post that reports had
 * hidden automatically.
 */
export async function resolveReport(actor: Actor, reportId: number, input: ResolveReportInput) {
  requireModerator(actor);
  const report = await db.report.findUnique({ select: { postId: true, threadId: true, status: true }, where: { id: reportId } });
  if (!report) throw new AppError("not_found", "Ce signalement n'existe pas.");
  if (report.status !== "OPEN") throw new AppError("conflict", "Ce signalement a déjà été traité.");
  const target = report.postId ? { postId: report.postId } : { threadId: report.threadId! };
  return db.$transaction(async (tx) => {
    if (input.action === "HIDE") {
      if (target.postId) await hideInTransaction(tx, actor, "POST", target.postId, input.reason);
      else await hideInTransaction(tx, actor, "THREAD", target.threadId!, input.reason);
      return { resolved: "ACTIONED" as const };
    }
    const { count } = await closeReports(tx, actor, target, "DISMISSED");
    await writeLog(tx, {
      actorId: actor.id, action: "DISMISS_REPORTS", targetType: target.postId ? "POST" : "THREAD", ...target,
      reason: input.reason, after: { dismissed: count },
    });
    if (target.postId) {
      const post = await tx.post.findUniqueOrThrow({ select: { hiddenAt: true, hiddenById: true }, where: { id: target.postId } });
      if (post.hiddenAt && post.hiddenById === null) {
        await tx.post.update({ where: { id: target.postId }, data: { hiddenAt: null, hiddenReason: null } });
        await writeLog(tx, { actorId: actor.id, action: "RESTORE_POST", targetType: "POST", postId: target.postId, reason: input.reason, before: { hidden: true }, after: { hidden: false } });
      }
    }
    return { resolved: "DISMISSED" as const };
  });
}
