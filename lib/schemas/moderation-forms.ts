// The moderation pages' forms (app/actions/moderation.ts): the API's schemas with what a form adds,
// the ids a JSON route takes from its URL and the page to come back to.
import { z } from "zod";
import { changeRoleSchema, closeThreadSchema, hideSchema, moderateCreditSchema, moderateThreadSchema, resolveReportSchema, summarySchema, suspendSchema } from "./moderation";
import { idParam } from "./pagination";
import { returnTo } from "./post-forms";

/** The address parameters that open a form on a moderation page (`?ouvrir=suspendre-12`, `?pour=12&role=ADMIN`). */
export const MODERATION_OPEN_PARAMS = ["ouvrir", "pour", "role"] as const;

/** The last second of a day (a date field's `2026-12-03`) in Paris time, where the forum lives. */
function endOfDayInParis(date: unknown) {
  if (date === "") return null;
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const offset = new Intl.DateTimeFormat("en", { timeZone: "Europe/Paris", timeZoneName: "longOffset" })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((part) => part.type === "timeZoneName")!.value.replace("GMT", "");
  return `${date}T23:59:59${offset || "+00:00"}`;
}

export const changeRoleForm = changeRoleSchema.extend({ userId: idParam, returnTo });
export const suspendForm = suspendSchema.extend({ userId: idParam, until: z.preprocess(endOfDayInParis, suspendSchema.shape.until), returnTo });
export const unsuspendForm = z.object({ userId: idParam, returnTo });

/** Dismissing takes no reason: an empty field is none. */
const withoutBlankReason = (values: unknown) =>
  values && typeof values === "object" && (values as { reason?: unknown }).reason === "" ? { ...values, reason: undefined } : values;
export const resolveReportForm = z.preprocess(withoutBlankReason, resolveReportSchema.and(z.object({ reportId: idParam, returnTo })));

/** A credit's form on a post's list of credits: voiding takes a reason, restoring none. */
export const moderateCreditForm = z.preprocess(withoutBlankReason, moderateCreditSchema.and(z.object({ creditId: idParam, returnTo })));

/** The thread page's moderation forms: what they act on (a post or the thread). */
const target = { targetType: z.enum(["POST", "THREAD"]), targetId: idParam };
export const hideForm = hideSchema.extend({ ...target, returnTo });
export const restoreForm = z.object({ ...target, returnTo });

/** Lock and pin buttons send "true" or "false" in a hidden field; the API's schema takes booleans. */
const withBooleans = (values: unknown) => {
  if (!values || typeof values !== "object") return values;
  const changed: Record<string, unknown> = { ...values };
  for (const name of ["locked", "pinned"]) if (changed[name] === "true" || changed[name] === "false") changed[name] = changed[name] === "true";
  return changed;
};
/** Closing or reopening: the reason is optional, an empty field is none. */
export const closeThreadForm = z.preprocess(withoutBlankReason, closeThreadSchema.extend({ threadId: idParam, returnTo }));
export const summaryForm = summarySchema.extend({ threadId: idParam, returnTo });

export const moderateThreadForm = z.preprocess(withBooleans, moderateThreadSchema.and(z.object({ threadId: idParam, returnTo })));
