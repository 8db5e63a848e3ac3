const LABELS = {
  POSITION: "Prise de position",
  OPEN: "Question ouverte",
} as const;

export function ThreadKindBadge({ kind }: { kind: keyof typeof LABELS }) {
  return (
    <span className="inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
      {LABELS[kind]}
    </span>
  );
}

/** A question moderators closed: read-only, its tally final (lists, the article page, its own page). */
export function ClosedBadge() {
  return (
    <span className="inline-block rounded-full border border-slate-500 px-2 py-0.5 text-xs font-semibold text-slate-800 dark:border-slate-400 dark:text-slate-100">
      Close
    </span>
  );
}
