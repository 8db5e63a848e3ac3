import { formatDateTime } from "@/lib/format";
import { type LogEntryView, logSentence } from "@/lib/moderation-log-sentence";
import type { ModerationActionName } from "@/lib/schemas/moderation";
import { ListLink } from "./ui/list-link";

export const ACTION_LABELS: Record<ModerationActionName, string> = {
  HIDE_POST: "Contribution masquée",
  RESTORE_POST: "Contribution rétablie",
  AUTO_HIDE_POST: "Contribution masquée automatiquement",
  HIDE_THREAD: "Fil masqué",
  RESTORE_THREAD: "Fil rétabli",
  LOCK_THREAD: "Fil verrouillé",
  UNLOCK_THREAD: "Fil déverrouillé",
  PIN_THREAD: "Fil épinglé",
  UNPIN_THREAD: "Fil désépinglé",
  RENAME_THREAD: "Fil renommé",
  DISMISS_REPORTS: "Signalements rejetés",
  SUSPEND_USER: "Membre suspendu",
  UNSUSPEND_USER: "Suspension levée",
  CHANGE_ROLE: "Rôle changé",
  VOID_CREDIT: "Crédit de changement d’avis annulé",
  RESTORE_CREDIT: "Crédit de changement d’avis rétabli",
  CLOSE_THREAD: "Question close",
  REOPEN_THREAD: "Question rouverte",
  WRITE_SUMMARY: "Synthèse de clôture écrite",
};

type Entry = LogEntryView & { id: number; createdAt: Date };

/** The moderators' log: actions newest first, each said in one sentence (who, what, to whom, what changed). */
export function ModerationLogList({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p>Aucune action pour ces critères.</p>;
  return (
    <ol className="space-y-2">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
          <p className="text-xs text-slate-600 dark:text-slate-400">
            <strong>{ACTION_LABELS[entry.action]}</strong> · <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
          </p>
          <p className="mt-1">
            {logSentence(entry).map((part, index) =>
              typeof part === "string" ? (
                part
              ) : (
                <ListLink key={index} href={part.href} className="underline">
                  {part.text}
                </ListLink>
              ),
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
