import { formatCount } from "@/lib/numbers";
import { type Position, stanceTotal } from "@/lib/positions";
import { POSITION_FILL } from "./position-colours";

const percentOf = (total: number, count: number) => (total === 0 ? 0 : Math.round((count / total) * 100));

/** "Llama 2 est open source : 5 (50 %)", for the list and for the announcement of a new tally. */
export const describePosition = (position: Position, total: number) =>
  `${position.label} : ${formatCount(position.stanceCount)} (${percentOf(total, position.stanceCount)} %)`;

/**
 * Where members stand on a question: a bar in the positions' colours (decorative) and each
 * position named with its count and share, which is what assistive technologies read. The
 * question's page and the list of questions show the same.
 */
export function PositionTally({ positions, compact = false }: { positions: Position[]; compact?: boolean }) {
  const total = stanceTotal(positions);
  return (
    <>
      <div className={`flex overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700 ${compact ? "h-2" : "h-3"}`} aria-hidden="true">
        {positions.map((position) => (
          <div key={position.id} className={POSITION_FILL[position.colour]} style={{ width: `${percentOf(total, position.stanceCount)}%` }} />
        ))}
      </div>
      <ul className={`flex flex-wrap gap-x-4 gap-y-1 ${compact ? "text-xs" : "text-sm"}`} aria-label="Décompte des positions">
        {positions.map((position) => (
          <li key={position.id}>
            <span className={`me-1 inline-block h-2 w-2 rounded-full ${POSITION_FILL[position.colour]}`} aria-hidden="true" />
            {describePosition(position, total)}
          </li>
        ))}
      </ul>
    </>
  );
}
