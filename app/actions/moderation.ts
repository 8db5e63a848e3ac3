"use server";
// The moderation forms (lib/forms.ts): role change, suspension, the report queue's actions, and the
// thread page's (lock, pin, rename, close and reopen, write the closing summary, hide and restore a
// thread or a post, void and restore a post's credit). The JSON API (app/api/admin, app/api/moderation) calls the same lib/moderation.ts and
// lib/credit-moderation.ts functions.
import { requireUser } from "@/lib/authorization";
import { moderateCredit } from "@/lib/credit-moderation";
import { withFormsClosed } from "@/lib/form-links";
import { formAction } from "@/lib/forms";
import { changeRole, hide, moderateThread, restore, suspendUser, unsuspendUser } from "@/lib/moderation";
import { resolveReport } from "@/lib/reports";
import { closeThread, reopenThread, writeSummary } from "@/lib/thread-closing";
import {
  MODERATION_OPEN_PARAMS,
  changeRoleForm,
  closeThreadForm,
  hideForm,
  moderateCreditForm,
  moderateThreadForm,
  resolveReportForm,
  restoreForm,
  summaryForm,
  suspendForm,
  unsuspendForm,
} from "@/lib/schemas/moderation-forms";

export const changeRoleAction = formAction(changeRoleForm, async ({ userId, role, returnTo }, actor) => {
  await changeRole(requireUser(actor), userId, role);
  return { to: closed(returnTo), notice: "role_changed" };
});

export const suspendAction = formAction(suspendForm, async ({ userId, until, reason, returnTo }, actor) => {
  await suspendUser(requireUser(actor), userId, { until, reason });
  return { to: closed(returnTo), notice: "user_suspended" };
});

export const unsuspendAction = formAction(unsuspendForm, async ({ userId, returnTo }, actor) => {
  await unsuspendUser(requireUser(actor), userId);
  return { to: closed(returnTo), notice: "user_unsuspended" };
});

export const resolveReportAction = formAction(resolveReportForm, async ({ reportId, returnTo, ...input }, actor) => {
  const { resolved } = await resolveReport(requireUser(actor), reportId, input);
  return { to: closed(returnTo), notice: resolved === "ACTIONED" ? "content_hidden" : "reports_dismissed" };
});

export const moderateThreadAction = formAction(moderateThreadForm, async ({ threadId, returnTo, ...changes }, actor) => {
  await moderateThread(requireUser(actor), threadId, changes);
  const notice =
    changes.title !== undefined ? "thread_renamed"
    : changes.locked !== undefined ? (changes.locked ? "thread_locked" : "thread_unlocked")
    : changes.pinned ? "thread_pinned" : "thread_unpinned";
  return { to: closed(returnTo), notice };
});

export const hideAction = formAction(hideForm, async ({ targetType, targetId, reason, returnTo }, actor) => {
  await hide(requireUser(actor), targetType, targetId, { reason });
  return { to: closed(returnTo), notice: targetType === "POST" ? "post_hidden" : "thread_hidden" };
});

export const restoreAction = formAction(restoreForm, async ({ targetType, targetId, returnTo }, actor) => {
  await restore(requireUser(actor), targetType, targetId);
  return { to: closed(returnTo), notice: targetType === "POST" ? "post_restored" : "thread_restored" };
});

/** Closing and reopening a question, each with its optional reason. */
export const closeThreadAction = formAction(closeThreadForm, async ({ threadId, reason, returnTo }, actor) => {
  await closeThread(requireUser(actor), threadId, { reason });
  return { to: closed(returnTo), notice: "thread_closed" };
});

export const reopenThreadAction = formAction(closeThreadForm, async ({ threadId, reason, returnTo }, actor) => {
  await reopenThread(requireUser(actor), threadId, { reason });
  return { to: closed(returnTo), notice: "thread_reopened" };
});

export const writeSummaryAction = formAction(summaryForm, async ({ threadId, body, returnTo }, actor) => {
  await writeSummary(requireUser(actor), threadId, { body });
  return { to: closed(returnTo), notice: "summary_written" };
});

/** Back to the post's list of credits, which the form's page keeps open to show the change. */
export const moderateCreditAction = formAction(moderateCreditForm, async ({ creditId, returnTo, ...input }, actor) => {
  await moderateCredit(requireUser(actor), creditId, input);
  return { to: returnTo, notice: input.action === "VOID" ? "credit_voided" : "credit_restored" };
});

/** The page the form was on, with the form it opened closed. */
const closed = (returnTo: string) => withFormsClosed(returnTo, MODERATION_OPEN_PARAMS);
