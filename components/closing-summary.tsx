import Link from "next/link";
import { withQuery } from "@/lib/form-links";
import { formatDate, formatDateTime } from "@/lib/format";
import type { SummaryRevision } from "@/lib/thread-closing";
import type { ThreadSummaryText } from "@/lib/threads";
import { Markdown } from "./markdown";

/** The address parameter value that opens the summary's history (`?ouvrir=historique-synthese`). */
export const SUMMARY_HISTORY_PANEL = "historique-synthese";
const ANCHOR = "synthese";

type Props = {
  kind: "POSITION" | "OPEN";
  closedAt: Date | null;
  summary: ThreadSummaryText | null;
  /** The earlier texts, newest first, when the address opened the history; null otherwise. */
  history: SummaryRevision[] | null;
  /** The thread page's address (no panel open): the history opens and closes from it. */
  returnTo: string;
};

const authorLink = (author: { id: number; name: string } | null) =>
  author ? (
    <Link href={`/u/${author.id}`} className="text-blue-700 underline dark:text-blue-300">
      {author.name}
    </Link>
  ) : (
    "un membre de la modération"
  );

/**
 * What a reader reads first on a question the moderators closed or summed up, right under its
 * title: that it is closed (its tally final), then the moderators' summary, whose earlier texts a
 * link opens without JavaScript.
 */
export function ClosingSummary({ kind, closedAt, summary, history, returnTo }: Props) {
  if (!closedAt && !summary) return null;
  return (
    <div className="space-y-3">
      {closedAt && (
        <p className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 font-medium text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
          Question close le <time dateTime={closedAt.toISOString()}>{formatDate(closedAt)}</time>
          {kind === "POSITION" ? " : les positions sont définitives." : " : elle ne prend plus de contributions."}
        </p>
      )}
      {summary && (
        <section id={ANCHOR} tabIndex={-1} aria-labelledby="synthese-titre" className="scroll-mt-4 rounded-lg border-2 border-blue-200 bg-blue-50 p-4 dark:border-blue-900 dark:bg-slate-900">
          <h2 id="synthese-titre" className="text-lg font-semibold">
            Synthèse de la modération
          </h2>
          <Markdown html={summary.html} className="mt-2 leading-relaxed" />
          <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
            Écrite par {authorLink(summary.author)} le <time dateTime={summary.writtenAt.toISOString()}>{formatDateTime(summary.writtenAt)}</time>
            {" · "}
            <Link href={withQuery(returnTo, { ouvrir: history ? null : SUMMARY_HISTORY_PANEL }, `#${ANCHOR}`)} className="text-blue-700 underline dark:text-blue-300" aria-expanded={history !== null}>
              {history ? "Fermer l’historique de la synthèse" : "Historique de la synthèse"}
            </Link>
          </p>
          {history && <SummaryHistory items={history} />}
        </section>
      )}
    </div>
  );
}

/** The texts the summary had before each rewrite, newest first, each with who replaced it and when. */
function SummaryHistory({ items }: { items: SummaryRevision[] }) {
  return (
    <section aria-labelledby="historique-synthese-titre" className="mt-3 space-y-3 rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-950">
      <h3 id="historique-synthese-titre" className="font-semibold">
        Historique de la synthèse
      </h3>
      {items.length === 0 ? (
        <p>La synthèse n’a pas été réécrite : le texte ci-dessus est le seul.</p>
      ) : (
        <ol className="space-y-3">
          {items.map((item) => (
            <li key={item.id} className="border-t border-slate-200 pt-2 first:border-t-0 first:pt-0 dark:border-slate-700">
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Version remplacée le <time dateTime={item.replacedAt.toISOString()}>{formatDateTime(item.replacedAt)}</time> par {authorLink(item.replacedBy)}
              </p>
              <Markdown html={item.bodyHtml} className="mt-1" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
