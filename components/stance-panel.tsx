"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { stanceAction } from "@/app/actions/stances";
import { STANCE_LABELS, STANCES, type StanceValue } from "@/lib/schemas/vocabulary";
import type { StanceTally } from "@/lib/stances";
import { ActionForm, useActionForm, useFieldId } from "./ui/action-form";
import { Button } from "./ui/button";
import { usePageHref } from "./use-page-href";
import { formatCount } from "@/lib/numbers";

const BAR: Record<StanceValue, string> = { AGREE: "bg-green-700", DISAGREE: "bg-red-700", NUANCED: "bg-amber-500" };
const KEY: Record<StanceValue, "agree" | "disagree" | "nuanced"> = { AGREE: "agree", DISAGREE: "disagree", NUANCED: "nuanced" };
/** The radio that withdraws a stance: the form sends "", the API's null. */
const NO_STANCE = "";
const PANEL_ID = "positions";

type Props = { threadId: number; initial: StanceTally; canTakeStance: boolean; signInHref: string | null };

const percentOf = (tally: StanceTally, count: number) => {
  const total = tally.agree + tally.disagree + tally.nuanced;
  return total === 0 ? 0 : Math.round((count / total) * 100);
};

/** "d’accord : 5 (50 %)", for the list and for the announcement of a new tally. */
const describe = (tally: StanceTally, stance: StanceValue) =>
  `${STANCE_LABELS[stance]} : ${formatCount(tally[KEY[stance]])} (${percentOf(tally, tally[KEY[stance]])} %)`;

/**
 * The tally of a POSITION question as a bar with counts and percentages, and the viewer's stance
 * as a radio group saved by its button (an arrow key only moves the choice). The tally comes from
 * the page, which the action renders again; with JavaScript the new one is announced.
 */
export function StancePanel({ threadId, initial, canTakeStance, signInHref }: Props) {
  const total = initial.agree + initial.disagree + initial.nuanced;
  return (
    <section
      id={PANEL_ID}
      tabIndex={-1}
      aria-labelledby="stance-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="stance-title" className="text-lg font-semibold">
        Les positions ({formatCount(total)})
      </h2>
      <div className="flex h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden="true">
        {STANCES.map((stance) => (
          <div key={stance} className={BAR[stance]} style={{ width: `${percentOf(initial, initial[KEY[stance]])}%` }} />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Décompte des positions">
        {STANCES.map((stance) => (
          <li key={stance}>
            <span className={`me-1 inline-block h-2 w-2 rounded-full ${BAR[stance]}`} aria-hidden="true" />
            {describe(initial, stance)}
          </li>
        ))}
      </ul>
      {canTakeStance ? (
        <StanceForm threadId={threadId} myStance={initial.myStance} />
      ) : (
        signInHref && (
          <p className="text-sm">
            <Link href={signInHref} className="text-blue-700 underline dark:text-blue-300">
              Connectez-vous pour prendre position
            </Link>
          </p>
        )
      )}
    </section>
  );
}

function StanceForm({ threadId, myStance }: { threadId: number; myStance: StanceValue | null }) {
  const [announcement, setAnnouncement] = useState("");
  const form = useActionForm(
    stanceAction,
    useCallback(({ message, result }: { message: string; result: StanceTally }) => {
      setAnnouncement(`${message} Nouveau décompte — ${STANCES.map((stance) => describe(result, stance)).join(", ")}.`);
    }, []),
  );
  const firstRadioId = useFieldId("stance");
  const checked = form.valueOf("stance", myStance ?? NO_STANCE);
  const options = [...STANCES.map((stance) => ({ value: stance, label: STANCE_LABELS[stance] })), { value: NO_STANCE, label: "sans position" }];
  return (
    <ActionForm form={form} className="space-y-2">
      <input type="hidden" name="threadId" value={threadId} />
      <input type="hidden" name="returnTo" value={usePageHref()(PANEL_ID)} />
      <fieldset>
        <legend className="text-sm font-medium">Votre position</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {options.map((option, index) => (
            <label key={option.value} className="inline-flex min-h-6 items-center gap-1 text-sm">
              <input
                type="radio"
                name="stance"
                value={option.value}
                id={index === 0 ? firstRadioId : undefined}
                // React resets the form after its action: to the stance the page now shows.
                defaultChecked={checked === option.value}
                className="h-4 w-4"
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" disabled={form.isPending}>
        Enregistrer ma position
      </Button>
      {/* Present from the start, so that screen readers announce what comes into it. */}
      <p role="status" className="text-sm">
        {form.state.status === "done" && announcement}
      </p>
    </ActionForm>
  );
}
