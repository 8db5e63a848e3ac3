import { countLabel, formatDateTime } from "@/lib/format";
import { stanceTotal } from "@/lib/positions";
import type { ThreadSummary } from "@/lib/threads";
import { PositionTally } from "./position-tally";
import { ClosedBadge, ThreadKindBadge } from "./thread-kind-badge";
import { ListLink } from "./ui/list-link";

/**
 * What readers said of a thread, as its page shows it: stances on a POSITION question, votes on
 * a member's question, nothing for the article's open questions (they take neither).
 */
function verdict(thread: ThreadSummary) {
  if (thread.kind === "POSITION") return countLabel(stanceTotal(thread.positions), "prise de position", "prises de position");
  if (thread.questionNumber !== null) return null;
  const score = thread.score > 0 ? `+${thread.score}` : String(thread.score);
  return `score ${score} (${thread.upvotes} pour, ${thread.downvotes} contre)`;
}

export function ThreadList({ threads }: { threads: ThreadSummary[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {threads.map((thread) => (
        <li key={thread.id} className="p-4">
          <div className="mb-1 flex flex-wrap items-center gap-2">
            {thread.isPinned && (
              <span className="text-xs font-semibold uppercase tracking-wide text-amber-800 dark:text-amber-300">Épinglé</span>
            )}
            <ThreadKindBadge kind={thread.kind} />
            {thread.closedAt && <ClosedBadge />}
            {thread.isLocked && <span className="text-xs text-slate-600 dark:text-slate-400">Verrouillé</span>}
          </div>
          <h2 className="font-semibold text-slate-900 dark:text-white">
            <ListLink href={`/t/${thread.slug}`} className="hover:underline">
              {thread.title}
            </ListLink>
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {[countLabel(thread.postCount, "opinion", "opinions"), verdict(thread)].filter(Boolean).join(" · ")} · dernière activité le{" "}
            <time dateTime={thread.lastActivityAt.toISOString()}>{formatDateTime(thread.lastActivityAt)}</time>
          </p>
          {thread.kind === "POSITION" && stanceTotal(thread.positions) > 0 && (
            <div className="mt-2 space-y-1 text-slate-700 dark:text-slate-300">
              <PositionTally positions={thread.positions} compact />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
