import { countLabel, formatDateTime } from "@/lib/format";
import type { MemberPositions, StanceChangeView } from "@/lib/member-positions";
import { NNBSP } from "@/lib/typography";
import { HeldPositionBadge } from "./position-badge";
import { ListLink } from "./ui/list-link";

const quoted = (label: string) => `«${NNBSP}${label}${NNBSP}»`;

/** What the member did, the member being the subject (« a pris la position « Oui » »). */
function changeWords(change: StanceChangeView) {
  if (!change.from) return `a pris la position ${quoted(change.to.label)}`;
  if (!change.to) return `a retiré sa position ${quoted(change.from.label)}`;
  // « a quitté … pour … » reads right whoever the member is (« est passé » would be masculine only).
  return `a quitté ${quoted(change.from.label)} pour ${quoted(change.to.label)}`;
}

/**
 * A profile's « Ses positions »: each question with the member's position now and how they came
 * to it, as sentences numbered in order (a capped history numbers on from the changes before it).
 */
export function MemberPositionList({ positions: { items, otherQuestionCount } }: { positions: MemberPositions }) {
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
        Aucune position prise pour l’instant.
      </p>
    );
  }
  return (
    <>
      <ul className="space-y-3">
        {items.map(({ question, position, history, earlierChangeCount }) => (
          <li key={question.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h3 className="font-medium">
              <ListLink href={`/t/${question.slug}`} className="text-blue-700 underline dark:text-blue-300">
                {question.title}
              </ListLink>
            </h3>
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
              Position actuelle{NNBSP}: {position ? <HeldPositionBadge position={position} /> : "aucune"}
            </p>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Historique
              {earlierChangeCount > 0 && `, après ${countLabel(earlierChangeCount, "changement plus ancien", "changements plus anciens")}`}
              {NNBSP}:
            </p>
            <ol start={earlierChangeCount + 1} className="list-decimal space-y-1 ps-6 text-sm text-slate-800 dark:text-slate-200">
              {history.map((change, index) => (
                <li key={index}>
                  {changeWords(change)} le{" "}
                  <time dateTime={change.at.toISOString()} className="whitespace-nowrap">{formatDateTime(change.at)}</time>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
      {otherQuestionCount > 0 && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Et {countLabel(otherQuestionCount, "autre question", "autres questions")}, où sa position a changé plus tôt.
        </p>
      )}
    </>
  );
}
