import { z } from "zod";
import { createThreadSchema, markdownText } from "./post";
import { createdAtCursorKey, cursorParam, idParam, limitParam } from "./pagination";
import { ROLES } from "./user";

import { REPORT_DETAILS_MAX, REPORT_REASONS } from "./vocabulary";

export { REPORT_DETAILS_MAX, REPORT_REASON_LABELS, REPORT_REASONS } from "./vocabulary";
export const MODERATION_REASON_MAX = 500;

const moderationReason = z
  .string({ error: "Indiquez la raison." })
  .trim()
  .min(1, { error: "Indiquez la raison." })
  .max(MODERATION_REASON_MAX, { error: `La raison compte au plus ${MODERATION_REASON_MAX} caractères.` });

export const createReportSchema = z.object({
  targetType: z.enum(["POST", "THREAD"], { error: "La cible est POST ou THREAD." }),
  targetId: idParam,
  reason: z.enum(REPORT_REASONS, { error: "Choisissez un motif." }),
  details: z
    .string()
    .trim()
    .max(REPORT_DETAILS_MAX, { error: `Les précisions comptent au plus ${REPORT_DETAILS_MAX} caractères.` })
    .optional()
    .transform((details) => details || undefined),
});
export type CreateReportInput = z.infer<typeof createReportSchema>;

export const REPORT_STATUSES = ["OPEN", "DISMISSED", "ACTIONED"] as const;
export const listReportsQuery = z.object({ status: z.enum(REPORT_STATUSES).default("OPEN") });

export const resolveReportSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("DISMISS"), reason: moderationReason.optional() }),
  z.object({ action: z.literal("HIDE"), reason: moderationReason }),
]);
export type ResolveReportInput = z.infer<typeof resolveReportSchema>;

export const hideSchema = z.object({ reason: moderationReason });
export type HideInput = z.infer<typeof hideSchema>;

export const moderateThreadSchema = z
  .object({
    locked: z.boolean().optional(),
    pinned: z.boolean().optional(),
    title: createThreadSchema.shape.title.optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), { error: "Indiquez au moins un changement." });
export type ModerateThreadInput = z.infer<typeof moderateThreadSchema>;

/** Closing or reopening a question: the reason is optional (the summary says the outcome). */
export const closeThreadSchema = z.object({ reason: moderationReason.optional() });
export type CloseThreadInput = z.infer<typeof closeThreadSchema>;

/** The closing summary: markdown, as long as a post may be (the database holds 1 to 20,000 characters). */
export const summarySchema = z.object({ body: markdownText("Écrivez la synthèse.", "La synthèse") });
export type SummaryInput = z.infer<typeof summarySchema>;

export const suspendSchema = z.object({
  until: z.iso
    .datetime({ offset: true, error: "La date de fin doit être une date ISO 8601." })
    .nullish()
    .refine((until) => !until || new Date(until) > new Date(), { error: "La date de fin doit être dans le futur." }),
  reason: moderationReason,
});
export type SuspendInput = z.infer<typeof suspendSchema>;

/** A moderator voids a credit of « Ce message m'a fait changer d'avis » (reason required), or restores it. */
export const moderateCreditSchema = z.discriminatedUnion(
  "action",
  [z.object({ action: z.literal("VOID"), reason: moderationReason }), z.object({ action: z.literal("RESTORE"), reason: moderationReason.optional() })],
  { error: "L’action est VOID (annuler le crédit) ou RESTORE (le rétablir)." },
);
export type ModerateCreditInput = z.infer<typeof moderateCreditSchema>;

/** A post's credits for moderators, newest first. */
export const listPostCreditsQuery = z.object({ cursor: cursorParam(createdAtCursorKey).optional(), limit: limitParam(50, 100) });
export type ListPostCreditsQuery = z.infer<typeof listPostCreditsQuery>;

export const changeRoleSchema = z.object({ role: z.enum(ROLES, { error: "Le rôle est MEMBER, MODERATOR ou ADMIN." }) });

export const MODERATION_ACTIONS = [
  "HIDE_POST", "RESTORE_POST", "AUTO_HIDE_POST", "HIDE_THREAD", "RESTORE_THREAD", "LOCK_THREAD", "UNLOCK_THREAD",
  "PIN_THREAD", "UNPIN_THREAD", "RENAME_THREAD", "DISMISS_REPORTS", "SUSPEND_USER", "UNSUSPEND_USER", "CHANGE_ROLE",
  "VOID_CREDIT", "RESTORE_CREDIT", "CLOSE_THREAD", "REOPEN_THREAD", "WRITE_SUMMARY",
] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

export const listLogQuery = z.object({
  actorId: idParam.optional(),
  action: z.enum(MODERATION_ACTIONS).optional(),
  targetType: z.enum(["POST", "THREAD", "USER"]).optional(),
  cursor: cursorParam(createdAtCursorKey).optional(),
  limit: limitParam(50, 100),
});
export type ListLogQuery = z.infer<typeof listLogQuery>;
