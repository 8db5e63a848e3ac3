import { formatDateTime } from "@/lib/format";
import type { JournalEntry, JournalTarget } from "@/lib/moderation-log";
import { ACTION_LABELS } from "./moderation-log-list";
import { ListLink } from "./ui/list-link";

const TARGET_NAMES: Record<JournalTarget["type"], string> = { POST: "contribution", THREAD: "fil", USER: "membre" };

function Target({ target }: { target: JournalTarget }) {
  const name = `${TARGET_NAMES[target.type]} n° ${target.id}`;
  return target.path ? <ListLink href={target.path} className="underline">{name}</ListLink> : <>{name}</>;
}

/** The public journal's entries, newest first: the action, its date and its target's number. */
export function ModerationJournalList({ entries }: { entries: JournalEntry[] }) {
  if (entries.length === 0) return <p>Aucune action pour l’instant.</p>;
  return (
    <ol className="space-y-2">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
          <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time> · <strong>{ACTION_LABELS[entry.action]}</strong> : <Target target={entry.target} />
        </li>
      ))}
    </ol>
  );
}
