"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiError, sendJson } from "@/lib/api-client";
import { STANCE_LABELS, STANCES, type StanceValue } from "@/lib/schemas/vote";

type Tally = { agree: number; disagree: number; nuanced: number; myStance: StanceValue | null };

const BAR: Record<StanceValue, string> = { AGREE: "bg-green-700", DISAGREE: "bg-red-700", NUANCED: "bg-amber-500" };
const KEY: Record<StanceValue, "agree" | "disagree" | "nuanced"> = { AGREE: "agree", DISAGREE: "disagree", NUANCED: "nuanced" };

type Props = { threadId: number; initial: Tally; canTakeStance: boolean; signInHref: string | null };

/** The tally of a POSITION question as a bar with counts and percentages, and the viewer's stance. */
export function StancePanel({ threadId, initial, canTakeStance, signInHref }: Props) {
  const [tally, setTally] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const total = tally.agree + tally.disagree + tally.nuanced;
  const percent = (count: number) => (total === 0 ? 0 : Math.round((count / total) * 100));

  async function choose(stance: StanceValue) {
    setMessage(null);
    try {
      setTally(await sendJson<Tally>("PUT", `/api/threads/${threadId}/stance`, { stance: tally.myStance === stance ? null : stance }));
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Votre position n’a pas pu être enregistrée.");
    }
  }

  return (
    <section aria-labelledby="stance-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="stance-title" className="text-lg font-semibold">
        Les positions ({total.toLocaleString("fr-FR")})
      </h2>
      <div className="flex h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden="true">
        {STANCES.map((stance) => (
          <div key={stance} className={BAR[stance]} style={{ width: `${percent(tally[KEY[stance]])}%` }} />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Décompte des positions">
        {STANCES.map((stance) => (
          <li key={stance}>
            <span className={`me-1 inline-block h-2 w-2 rounded-full ${BAR[stance]}`} aria-hidden="true" />
            {STANCE_LABELS[stance]} : {tally[KEY[stance]].toLocaleString("fr-FR")} ({percent(tally[KEY[stance]])} %)
          </li>
        ))}
      </ul>
      {canTakeStance ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Votre position">
          <span className="text-sm">Votre position :</span>
          {STANCES.map((stance) => (
            <button
              key={stance}
              type="button"
              aria-pressed={tally.myStance === stance}
              onClick={() => choose(stance)}
              className="rounded-md border border-slate-300 px-3 py-1 text-sm aria-pressed:border-blue-700 aria-pressed:bg-blue-700 aria-pressed:text-white dark:border-slate-600"
            >
              {STANCE_LABELS[stance]}
            </button>
          ))}
        </div>
      ) : (
        signInHref && (
          <p className="text-sm">
            <Link href={signInHref} className="text-blue-700 underline dark:text-blue-300">
              Connectez-vous pour prendre position
            </Link>
          </p>
        )
      )}
      {message && (
        <p role="status" className="text-sm text-red-700 dark:text-red-300">
          {message}
        </p>
      )}
    </section>
  );
}
