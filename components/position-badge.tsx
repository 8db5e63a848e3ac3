import type { FacetRef } from "@/lib/facets";
import type { PositionRef } from "@/lib/positions";
import type { PostView } from "@/lib/posts";
import { POSITION_FILL } from "./position-colours";

const BADGE = "inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-900 dark:bg-slate-800 dark:text-slate-100";

export function PositionName({ position }: { position: PositionRef }) {
  return (
    <>
      <span className={`inline-block h-2 w-2 rounded-full ${POSITION_FILL[position.colour]}`} aria-hidden="true" />
      {position.label}
    </>
  );
}

/**
 * The side a post argues from: its author's position when they wrote it, which a later change
 * of mind does not relabel; a change since is told after it (« a depuis rejoint … »).
 */
export function PositionBadge({ position }: { position: NonNullable<PostView["authorPosition"]> }) {
  const { written, now } = position;
  const changed = written?.id !== now?.id;
  return (
    <span className={BADGE}>
      {written ? (
        <>
          <span className="sr-only">{changed ? "écrit en tant que : " : "position de l’auteur : "}</span>
          <PositionName position={written} />
        </>
      ) : (
        "écrit sans position"
      )}
      {changed && (
        <span className="font-normal">
          {" · "}
          {now ? (
            <>
              a depuis rejoint <PositionName position={now} />
            </>
          ) : (
            "a depuis retiré sa position"
          )}
        </span>
      )}
    </span>
  );
}

/** The position a member holds now, as their profile shows it. */
export function HeldPositionBadge({ position }: { position: PositionRef }) {
  return (
    <span className={BADGE}>
      <PositionName position={position} />
    </span>
  );
}

/** The facet (theme) a post argues under, on an open question that has them. */
export function FacetBadge({ facet }: { facet: FacetRef }) {
  return (
    <span className={BADGE}>
      <span className="sr-only">thème : </span>
      {facet.label}
    </span>
  );
}
