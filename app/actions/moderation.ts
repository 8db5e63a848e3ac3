"use server";
// The moderation pages' forms (lib/forms.ts): role change, suspension, and the report queue's
// actions. The JSON API (app/api/admin, app/api/moderation) calls the same lib/moderation.ts functions.
import { requireUser } from "@/lib/authorization";
import { formAction } from "@/lib/forms";
import { changeRole, suspendUser, unsuspendUser } from "@/lib/moderation";
import { resolveReport } from "@/lib/reports";
import { MODERATION_OPEN_PARAMS, changeRoleForm, resolveReportForm, suspendForm, unsuspendForm } from "@/lib/schemas/moderation-forms";

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

/** The page the form was on, with the form it opened closed. */
function closed(returnTo: string) {
  const url = new URL(returnTo, "http://agora.invalid");
  for (const name of MODERATION_OPEN_PARAMS) url.searchParams.delete(name);
  return `${url.pathname}${url.search}${url.hash}`;
}
