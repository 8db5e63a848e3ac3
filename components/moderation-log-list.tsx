import { formatDateTime } from "@/lib/format";
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
};

type Entry = {
  id: number;
  action: ModerationActionName;
  reason: string | null;
  createdAt: Date;
  post: { id: number; thread: { slug: string; title: string } } | null;
  thread: { slug: string; title: string } | null;
  targetUser: { id: number; name: string } | null;
  actor: { id: number; name: string } | null;
  before: unknown;
  after: unknown;
};

function Target({ entry }: { entry: Entry }) {
  if (entry.post) return <ListLink href={`/t/${entry.post.thread.slug}#p-${entry.post.id}`} className="underline">une contribution de « {entry.post.thread.title} »</ListLink>;
  if (entry.thread) return <ListLink href={`/t/${entry.thread.slug}`} className="underline">« {entry.thread.title} »</ListLink>;
  if (entry.targetUser) return <ListLink href={`/u/${entry.targetUser.id}`} className="underline">{entry.targetUser.name}</ListLink>;
  return null;
}

/** The moderators' log: actions newest first, with who acted, the reason and the before/after. */
export function ModerationLogList({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p>Aucune action pour l’instant.</p>;
  return (
    <ol className="space-y-2">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
          <p>
            <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time> · <strong>{ACTION_LABELS[entry.action]}</strong> : <Target entry={entry} /> · par{" "}
            {entry.actor ? entry.actor.name : "le système (signalements)"}
          </p>
          {entry.reason && <p>Raison : {entry.reason}</p>}
          {(entry.before !== null || entry.after !== null) && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Avant : {JSON.stringify(entry.before)} · après : {JSON.stringify(entry.after)}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
