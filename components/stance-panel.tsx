"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { stanceAction } from "@/app/actions/stances";
import { type Position, stanceTotal } from "@/lib/positions";
import type { StanceTally } from "@/lib/stances";
import { describePosition, PositionTally } from "./position-tally";
import { ActionForm, useActionForm, useFieldId } from "./ui/action-form";
import { Button } from "./ui/button";
import { usePageHref } from "./use-page-href";
import { formatCount } from "@/lib/numbers";

/** The radio that withdraws a stance: the form sends "", the API's null. */
const NO_STANCE = "";
const PANEL_ID = "positions";

type Props = { threadId: number; initial: StanceTally; canTakeStance: boolean; signInHref: string | null };

/**
 * The tally of a POSITION question as a bar with counts and percentages, and the viewer's stance
 * as a radio group saved by its button (an arrow key only moves the choice). The tally comes from
 * the page, which the action renders again; with JavaScript the new one is announced.
 */
export function StancePanel({ threadId, initial, canTakeStance, signInHref }: Props) {
  const total = stanceTotal(initial.positions);
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
      <PositionTally positions={initial.positions} />
      {canTakeStance ? (
        <StanceForm threadId={threadId} positions={initial.positions} myPositionId={initial.myPositionId} />
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

function StanceForm({ threadId, positions, myPositionId }: { threadId: number; positions: Position[]; myPositionId: number | null }) {
  const [announcement, setAnnouncement] = useState("");
  const form = useActionForm(
    stanceAction,
    useCallback(({ message, result }: { message: string; result: StanceTally }) => {
      const total = stanceTotal(result.positions);
      setAnnouncement(`${message} Nouveau décompte — ${result.positions.map((position) => describePosition(position, total)).join(", ")}.`);
    }, []),
  );
  const firstRadioId = useFieldId("positionId");
  const descriptionsId = useFieldId("position-description");
  // The first radio has the field's id, which the error summary links to.
  const radioId = (index: number) => (index === 0 ? firstRadioId : `${descriptionsId}-radio-${index}`);
  const checked = form.valueOf("positionId", myPositionId === null ? NO_STANCE : String(myPositionId));
  const options = [
    ...positions.map((position) => ({ value: String(position.id), label: position.label, description: position.description })),
    { value: NO_STANCE, label: "sans position", description: null },
  ];
  return (
    <ActionForm form={form} className="space-y-2">
      <input type="hidden" name="threadId" value={threadId} />
      <input type="hidden" name="returnTo" value={usePageHref()(PANEL_ID)} />
      <fieldset>
        <legend className="text-sm font-medium">Votre position</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {options.map((option, index) => (
            // The description is outside the label: the radio's name is the position's label alone.
            <span key={option.value} className="inline-flex min-h-6 items-center gap-1 text-sm">
              <input
                type="radio"
                name="positionId"
                value={option.value}
                id={radioId(index)}
                aria-describedby={option.description ? `${descriptionsId}-${index}` : undefined}
                // React resets the form after its action: to the stance the page now shows.
                defaultChecked={checked === option.value}
                className="h-4 w-4"
              />
              <label htmlFor={radioId(index)}>{option.label}</label>
              {option.description && (
                <span id={`${descriptionsId}-${index}`} className="text-slate-600 dark:text-slate-400">
                  — {option.description}
                </span>
              )}
            </span>
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
