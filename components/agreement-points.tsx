// « Points d'accord »: the position question's posts that every camp approves of, most consensual
// first (lib/consensus.ts listAgreementPoints). Server markup only.
import type { AgreementPoint } from "@/lib/consensus";
import { formatDateTime } from "@/lib/format";
import { formatCount } from "@/lib/numbers";
import { PositionName } from "./position-badge";

export function AgreementPoints({ points, threadPath }: { points: AgreementPoint[]; threadPath: string }) {
  return (
    <section aria-labelledby="agreement-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="agreement-title" className="text-lg font-semibold">
        Points d’accord
      </h2>
      {points.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Aucune opinion n’a encore l’approbation de tous les camps : il lui faut au moins un vote favorable d’un membre de chaque position.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">Les opinions approuvées par au moins un membre de chaque position, les plus consensuelles d’abord.</p>
          <ol className="space-y-3">
            {points.map((point) => (
              <li key={point.id} className="space-y-1">
                <p className="text-sm">
                  {/* A permalink: the post may be on another page of the list. */}
                  <a href={`${threadPath}/c/${point.id}#p-${point.id}`} className="font-semibold text-blue-700 underline dark:text-blue-300">
                    {point.authorName}, le <time dateTime={point.createdAt.toISOString()}>{formatDateTime(point.createdAt)}</time>
                  </a>
                  {point.writtenFrom && <span className="text-slate-600 dark:text-slate-400"> · écrit en tant que «{"\u202f"}{point.writtenFrom.label}{"\u202f"}»</span>}
                </p>
                <blockquote className="border-l-2 border-slate-300 ps-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">{point.excerpt}</blockquote>
                <ul aria-label="Votes par position" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
                  {point.votes.map(({ position, up, down }) => (
                    <li key={position.id}>
                      <PositionName position={position} />
                      {"\u202f: "}
                      {formatCount(up)} pour, {formatCount(down)} contre
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="text-sm">
        <a href={`${threadPath}?sort=consensus`} className="text-blue-700 underline dark:text-blue-300">
          Toutes, par consensus
        </a>
      </p>
    </section>
  );
}
