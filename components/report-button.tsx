"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { reportAction } from "@/app/actions/reports";
import { REPORT_DETAILS_MAX, REPORT_REASON_LABELS, REPORT_REASONS } from "@/lib/schemas/vocabulary";
import { ActionForm, useActionForm, useFieldId } from "./ui/action-form";
import { Button } from "./ui/button";
import { CancelLink } from "./ui/cancel-link";
import { usePageHref } from "./use-page-href";

type Target = { type: "POST" | "THREAD"; id: number };

/** `?signaler=p-12` opens the report form of post 12: the toggle's link without JavaScript. */
const OPEN_PARAM = "signaler";
const SENT_NOTICE = "report_sent";
const FIELD = "rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100";

/**
 * A report form's state, shared by its toggle (in the post's row of actions) and its panel,
 * which the caller places below that row. The address opens it (`?signaler=`) and, after a
 * report sent without JavaScript, shows the thanks in its place.
 */
export function useReport(target: Target) {
  const key = `${target.type === "POST" ? "p" : "t"}-${target.id}`;
  const params = useSearchParams();
  const isAddressed = params.get(OPEN_PARAM) === key;
  const [stage, setStage] = useState<"closed" | "open" | "sent">(
    isAddressed ? (params.get("notice") === SENT_NOTICE ? "sent" : "open") : "closed",
  );
  const toggleId = `signaler-${key}-ouvrir`;
  return {
    target,
    key,
    panelId: `signaler-${key}`,
    toggleId,
    stage,
    setStage,
    /** Closes the form; the focus goes back to the toggle, which the caller renders elsewhere. */
    close() {
      setStage("closed");
      document.getElementById(toggleId)?.focus();
    },
  };
}

type Report = ReturnType<typeof useReport>;

/**
 * "Signaler": a link to the page with the form open, which opens it in place once the script
 * runs, like the post's other panel links — the same element before and after hydration.
 */
export function ReportToggle({ report }: { report: Report }) {
  const href = usePageHref()(report.panelId, { [OPEN_PARAM]: report.key });
  if (report.stage === "sent") return null;
  const isOpen = report.stage === "open";
  return (
    <a
      id={report.toggleId}
      href={href}
      aria-expanded={isOpen}
      aria-controls={isOpen ? report.panelId : undefined}
      onClick={(event) => {
        event.preventDefault();
        if (isOpen) report.close();
        else report.setStage("open");
      }}
      className="inline-flex min-h-6 items-center text-slate-700 hover:underline dark:text-slate-300"
    >
      Signaler
    </a>
  );
}

/**
 * The form, below what it reports: a reason and optional details, sent to the moderators'
 * queue. It takes the focus when it opens; the thanks take it when the report is sent.
 */
export function ReportPanel({ report }: { report: Report }) {
  const thanks = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (report.stage === "sent") thanks.current?.focus();
  }, [report.stage]);
  if (report.stage === "closed") return null;
  if (report.stage === "sent") {
    return (
      <p ref={thanks} id={report.panelId} tabIndex={-1} role="status" className="mt-2 text-sm">
        Merci : la modération va examiner votre signalement.
      </p>
    );
  }
  return <ReportForm report={report} />;
}

function ReportForm({ report }: { report: Report }) {
  const { setStage } = report;
  const form = useActionForm(reportAction, () => setStage("sent"));
  const pageHref = usePageHref();
  const reasonId = useFieldId("reason");
  const detailsId = useFieldId("details");
  const reason = useRef<HTMLSelectElement>(null);
  useEffect(() => reason.current?.focus(), []);
  return (
    <ActionForm form={form} id={report.panelId} className="mt-2 space-y-2 rounded-md border border-slate-300 p-3 dark:border-slate-600">
      <input type="hidden" name="targetType" value={report.target.type} />
      <input type="hidden" name="targetId" value={report.target.id} />
      {/* Without JavaScript the thanks show here, in place of the form (see useReport). */}
      <input type="hidden" name="returnTo" value={pageHref(report.panelId, { [OPEN_PARAM]: report.key })} />
      <label htmlFor={reasonId} className="block text-sm font-medium">
        Motif du signalement
      </label>
      <select ref={reason} id={reasonId} name="reason" defaultValue={form.valueOf("reason", REPORT_REASONS[0])} className={FIELD}>
        {REPORT_REASONS.map((value) => (
          <option key={value} value={value}>
            {REPORT_REASON_LABELS[value]}
          </option>
        ))}
      </select>
      <label htmlFor={detailsId} className="block text-sm font-medium">
        Précisions (facultatif)
      </label>
      <textarea
        id={detailsId}
        name="details"
        maxLength={REPORT_DETAILS_MAX}
        rows={2}
        defaultValue={form.valueOf("details")}
        aria-invalid={form.errors.details ? true : undefined}
        aria-describedby={form.errors.details ? `${detailsId}-error` : undefined}
        className={`block w-full ${FIELD}`}
      />
      {form.errors.details && (
        <p id={`${detailsId}-error`} className="text-sm font-medium text-red-700 dark:text-red-300">
          {form.errors.details}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={form.isPending}>
          Envoyer le signalement
        </Button>
        <CancelLink cancel={{ href: pageHref(report.toggleId, { [OPEN_PARAM]: null }), onClick: report.close }} />
      </div>
    </ActionForm>
  );
}

/** Toggle and form together, where nothing else shares the row (the thread's header). */
export function ReportButton({ targetType, targetId }: { targetType: Target["type"]; targetId: number }) {
  const report = useReport({ type: targetType, id: targetId });
  return (
    <div className="text-sm">
      <ReportToggle report={report} />
      <ReportPanel report={report} />
    </div>
  );
}
