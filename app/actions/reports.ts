"use server";
// Reports as an HTML form (components/report-button.tsx), by the rules of POST /api/reports.
import { requireUser } from "@/lib/authorization";
import { formAction } from "@/lib/forms";
import { createReport } from "@/lib/reports";
import { returnToField } from "@/lib/schemas/form";
import { createReportSchema } from "@/lib/schemas/moderation";

const reportFormSchema = createReportSchema.extend({ returnTo: returnToField });

export const reportAction = formAction(reportFormSchema, async ({ returnTo, ...report }, actor) => {
  await createReport(requireUser(actor), report);
  return { to: returnTo, notice: "report_sent", result: undefined };
});
