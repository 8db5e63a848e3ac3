"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { stanceAction } from "@/app/actions/stances";
import { type Position, stanceTotal } from "@/lib/positions";
import type { CreditedPost } from "@/lib/mind-changes";
import { CREDITS_PER_CHANGE } from "@/lib/schemas/vocabulary";
import type { StanceTally } from "@/lib/stances";
import { describePosition, PositionTally } from "./position-tally";
import { ActionForm, useActionForm, useFieldId } from "./ui/action-form";
import { Button } from "./ui/button";
import { usePageHref } from "./use-page-href";
import { formatCount } from "@/lib/numbers";

/** The radio that withdraws a stance: the form sends "", the API's null. */
const NO_STANCE = "";
const PANEL_ID = "positions";

/** What the form offers to credit with a change (lib/mind-changes.ts listCreditCandidates), and the posts the address picked. */
export type CreditChoice = { candidates: CreditedPost[]; picks: number[] };

type Props = {
  threadId: number;
  initial: StanceTally;
  canTakeStance: boolean;
  /** The question is closed: its tally is the final result, and no one takes a position any more. */
  isFinal?: boolean;
  signInHref: string | null;
  credit: CreditChoice | null;
};

/**
 * The tally of a POSITION question as a bar with counts and percentages, and the viewer's stance
 * as a radio group saved by its button (an arrow key only moves the choice). The tally comes from
 * the page, which the action renders again; with JavaScript the new one is announced.
 */
export function StancePanel({ threadId, initial, canTakeStance, isFinal = false, signInHref, credit }: Props) {
  const total = stanceTotal(initial.positions);
  return (
    <section
      id={PANEL_ID}
      tabIndex={-1}
      aria-labelledby="stance-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="stance-title" className="text-lg font-semibold">
        {isFinal ? "Résultat final" : "Les positions"} ({formatCount(total)})
      </h2>
      <PositionTally positions={initial.positions} />
      {isFinal ? null : canTakeStance ? (
        <StanceForm threadId={threadId} positions={initial.positions} myPositionId={initial.myPositionId} credit={credit} />
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

type FormProps = { threadId: number; positions: Position[]; myPositionId: number | null; credit: CreditChoice | null };

function StanceForm({ threadId, positions, myPositionId, credit }: FormProps) {
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
      {credit && credit.candidates.length > 0 && <CreditChoices choice={credit} form={form} />}
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

/**
 * « Ce message m'a fait changer d'avis »: with a change of position, up to CREDITS_PER_CHANGE
 * posts credited in the same action. The checkboxes send `creditedPostIds.<n>`; a refusal of the
 * n-th post sent is shown on the n-th box checked (the form's order is the list's).
 */
function CreditChoices({ choice, form }: { choice: CreditChoice; form: Pick<ReturnType<typeof useActionForm>, "state" | "valueOf" | "errors"> }) {
  const fieldsetId = useFieldId("creditedPostIds");
  const fieldId = useFieldId("");
  const isRefused = form.state.status === "error";
  const checked = choice.candidates.map((post, index) =>
    isRefused ? form.valueOf(`creditedPostIds.${index}`) === String(post.id) : choice.picks.includes(post.id),
  );
  let rank = 0;
  const errors = Object.entries(form.errors).filter(([name]) => name.startsWith("creditedPostIds"));
  return (
    <fieldset id={fieldsetId} className="space-y-1 rounded-md border border-slate-200 p-3 dark:border-slate-700" aria-describedby={`${fieldsetId}-hint`}>
      <legend className="px-1 text-sm font-medium">Un message vous a fait changer d’avis ?</legend>
      <p id={`${fieldsetId}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        En changeant de position, cochez jusqu’à {CREDITS_PER_CHANGE} messages qui vous ont convaincu : ils le montreront. Un message compte une fois par
        membre, et seul un vrai changement (d’une position à une autre) compte.
      </p>
      {errors.map(([name, message]) => (
        <p key={name} className="text-sm font-medium text-red-700 dark:text-red-300">
          {message}
        </p>
      ))}
      <ul className="space-y-1">
        {choice.candidates.map((post, index) => {
          // The n-th box checked carries the id the refusal of the n-th post sent links to.
          const id = checked[index] ? `${fieldId}creditedPostIds.${rank++}` : `${fieldsetId}-${post.id}`;
          return (
            <li key={post.id} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                id={id}
                name={`creditedPostIds.${index}`}
                value={post.id}
                defaultChecked={checked[index]}
                className="mt-1 h-4 w-4"
              />
              <label htmlFor={id}>
                <span className="font-medium">{post.authorName}</span>
                {post.writtenFrom && <span className="text-slate-600 dark:text-slate-400"> (écrit en tant que « {post.writtenFrom.label} »)</span>} :{" "}
                {post.excerpt}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
