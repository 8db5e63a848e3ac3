"use client";

import { useState } from "react";
import { proposeThread } from "@/app/actions/threads";
import { THREAD_TITLE_MAX, THREAD_TITLE_MIN } from "@/lib/schemas/post";
import { facetRowNames, positionRowNames } from "@/lib/schemas/post-forms";
import {
  FACET_DESCRIPTION_MAX,
  FACET_LABEL_MAX,
  FACETS_MAX,
  FACETS_MIN,
  POSITION_COLOURS,
  POSITION_DESCRIPTION_MAX,
  POSITION_LABEL_MAX,
  POSITIONS_MAX,
  POSITIONS_MIN,
} from "@/lib/schemas/vocabulary";
import { POSITION_COLOUR_NAMES } from "./position-colours";
import { type ComposerForm, PostComposer } from "./post-composer";
import { useFieldId, useIsHydrated } from "./ui/action-form";
import { FieldError, TextField } from "./ui/text-field";

const KINDS = [
  { value: "OPEN", label: "Question ouverte", hint: "chacun répond à sa façon." },
  { value: "POSITION", label: "Prise de position", hint: "chacun choisit l’une des positions que vous proposez, et les avis se comptent." },
] as const;

export function NewThreadForm() {
  return (
    <PostComposer action={proposeThread} fields={{}} label="Le contexte de la question (Markdown)" submitLabel="Proposer la question">
      {(form) => (
        <>
          <TextField
            label="Votre question"
            name="title"
            required
            defaultValue={form.valueOf("title")}
            error={form.errors.title}
            hint={`De ${THREAD_TITLE_MIN} à ${THREAD_TITLE_MAX} caractères.`}
          />
          <QuestionKind form={form} />
        </>
      )}
    </PostComposer>
  );
}

/**
 * The kind of question, the positions of a prise de position and the facets of a question
 * ouverte. Without JavaScript both sets of rows are always there (the server ignores blank ones);
 * with it, each shows only for its kind, and is disabled otherwise so that the form does not send it.
 */
function QuestionKind({ form }: { form: ComposerForm }) {
  const [kind, setKind] = useState(form.valueOf("kind", "OPEN"));
  const positionsId = useFieldId("positions");
  const kindId = useFieldId("kind");
  // Before hydration (and without JavaScript) the rows are shown whatever the kind.
  const isHydrated = useIsHydrated();
  const hidesRows = isHydrated && kind === "OPEN";
  return (
    <>
      <fieldset id={kindId}>
        <legend className="text-sm font-medium">Type de question</legend>
        <FieldError id={kindId} error={form.errors.kind} />
        {KINDS.map((option) => (
          <label key={option.value} className="mt-1 flex min-h-6 items-baseline gap-2 text-sm">
            <input
              type="radio"
              name="kind"
              value={option.value}
              // Uncontrolled: React resets the form after a refusal, to the kind that was sent.
              defaultChecked={form.valueOf("kind", "OPEN") === option.value}
              onChange={() => setKind(option.value)}
              className="h-4 w-4 self-center"
            />
            <span>
              <span className="font-medium">{option.label}</span> — {option.hint}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset
        id={positionsId}
        hidden={hidesRows}
        disabled={hidesRows}
        className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
        aria-describedby={`${positionsId}-hint${form.errors.positions ? ` ${positionsId}-error` : ""}`}
      >
        <legend className="px-1 text-sm font-medium">Les positions (prise de position)</legend>
        <p id={`${positionsId}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
          De {POSITIONS_MIN} à {POSITIONS_MAX} positions, distinctes, dans l’ordre où les lecteurs les verront ({POSITION_LABEL_MAX} caractères au plus
          chacune, et une description facultative d’une ligne). Laissez vides les lignes dont vous n’avez pas besoin.
        </p>
        <FieldError id={positionsId} error={form.errors.positions} />
        {Array.from({ length: POSITIONS_MAX }, (_, index) => {
          const names = positionRowNames(index);
          return (
            <div key={index} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
              <TextField
                label={`Position ${index + 1}`}
                name={names.label}
                maxLength={POSITION_LABEL_MAX + 20}
                defaultValue={form.valueOf(names.label)}
                error={form.errors[names.label]}
              />
              <TextField
                label={`Description de la position ${index + 1} (facultative)`}
                name={names.description}
                maxLength={POSITION_DESCRIPTION_MAX + 20}
                defaultValue={form.valueOf(names.description)}
                error={form.errors[names.description]}
              />
              <ColourField index={index} name={names.colour} defaultValue={form.valueOf(names.colour, POSITION_COLOURS[index])} error={form.errors[names.colour]} />
            </div>
          );
        })}
      </fieldset>
      <FacetRows form={form} hidden={isHydrated && kind === "POSITION"} />
    </>
  );
}

/** « Regrouper les arguments par thème »: a question ouverte's optional facets, none or 2 to 4. */
function FacetRows({ form, hidden }: { form: ComposerForm; hidden: boolean }) {
  const facetsId = useFieldId("facets");
  return (
    <fieldset
      id={facetsId}
      hidden={hidden}
      disabled={hidden}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      aria-describedby={`${facetsId}-hint${form.errors.facets ? ` ${facetsId}-error` : ""}`}
    >
      <legend className="px-1 text-sm font-medium">Regrouper les arguments par thème (facultatif, question ouverte)</legend>
      <p id={`${facetsId}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        Aucun thème, ou de {FACETS_MIN} à {FACETS_MAX} thèmes distincts (par exemple « Risques » et « Opportunités ») : chaque argument en choisit un, et
        les lecteurs les voient côte à côte ({FACET_LABEL_MAX} caractères au plus chacun, et une description facultative d’une ligne). Laissez vides les
        lignes dont vous n’avez pas besoin.
      </p>
      <FieldError id={facetsId} error={form.errors.facets} />
      {Array.from({ length: FACETS_MAX }, (_, index) => {
        const names = facetRowNames(index);
        return (
          <div key={index} className="grid gap-2 sm:grid-cols-2">
            <TextField
              label={`Thème ${index + 1}`}
              name={names.label}
              maxLength={FACET_LABEL_MAX + 20}
              defaultValue={form.valueOf(names.label)}
              error={form.errors[names.label]}
            />
            <TextField
              label={`Description du thème ${index + 1} (facultative)`}
              name={names.description}
              maxLength={FACET_DESCRIPTION_MAX + 20}
              defaultValue={form.valueOf(names.description)}
              error={form.errors[names.description]}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/** A position's colour, among the palette's (colour-blind safe); each row starts on its own. */
function ColourField({ index, name, defaultValue, error }: { index: number; name: string; defaultValue: string; error?: string }) {
  const id = useFieldId(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Couleur {index + 1}
      </label>
      <select
        // A select reads defaultValue once: after a refusal (React resets the form), it mounts again on the value sent.
        key={defaultValue}
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block rounded-md border border-slate-400 bg-white px-2 py-2 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
      >
        {POSITION_COLOURS.map((colour) => (
          <option key={colour} value={colour}>
            {POSITION_COLOUR_NAMES[colour]}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}
