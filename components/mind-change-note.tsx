// « a fait changer d'avis N membres », on a post and in « Ce qui a fait bouger les avis »: server
// markup, no hooks (a signed-out reader's post has no client component).
import type { MindChangeMove } from "@/lib/mind-changes";
import { formatCount } from "@/lib/numbers";
import { PositionName } from "./position-badge";

/** « a fait changer d'avis 3 membres : 2 de « A » vers « B », 1 de « C » vers « B » ». */
export function MindChangeNote({ count, moves }: { count: number; moves: MindChangeMove[] }) {
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      <span className="font-semibold">
        a fait changer d’avis {formatCount(count)} {count === 1 ? "membre" : "membres"}
      </span>
      {moves.length > 0 && " : "}
      {moves.map((move, index) => (
        <span key={`${move.from.id}-${move.to.id}`}>
          {index > 0 && ", "}
          {formatCount(move.count)} de « <PositionName position={move.from} /> » vers « <PositionName position={move.to} /> »
        </span>
      ))}
    </p>
  );
}

/** The link that picks a post for the stance form's next change (`?convaincu=`), at the form. */
export function CreditLink({ href }: { href: string }) {
  return (
    <a href={href} className="text-sm text-blue-700 underline dark:text-blue-300">
      Ce message m’a fait changer d’avis
    </a>
  );
}
