import { STANCE_LABELS, type StanceValue } from "@/lib/schemas/vocabulary";

export const STANCE_STYLES: Record<StanceValue, string> = {
  AGREE: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100",
  DISAGREE: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  NUANCED: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
};

/**
 * Which side an argument comes from: its author's current stance on the question. Heard beside
 * the author's name, a bare "mitigé" would not say what it qualifies.
 */
export function StanceBadge({ stance }: { stance: StanceValue }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STANCE_STYLES[stance]}`}>
      <span className="sr-only">position de l’auteur : </span>
      {STANCE_LABELS[stance]}
    </span>
  );
}
