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
import { RadioChoices } from "./ui/radio-choices";
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
  // Before hydration (and without JavaScript) the rows are shown whatever the kind.
  const isHydrated = useIsHydrated();
  return (
    <>
      <RadioChoices name="kind" legend="Type de question" choices={KINDS} checked={form.valueOf("kind", "OPEN")} error={form.errors.kind} onChange={setKind} />
      <RowsFieldset
        name="positions"
        legend="Les positions (prise de position)"
        hidden={isHydrated && kind === "OPEN"}
        form={form}
        hint={`De ${POSITIONS_MIN} à ${POSITIONS_MAX} positions, distinctes, dans l’ordre où les lecteurs les verront (${POSITION_LABEL_MAX} caractères au plus chacune, et une description facultative d’une ligne). Laissez vides les lignes dont vous n’avez pas besoin.`}
      >
        {Array.from({ length: POSITIONS_MAX }, (_, index) => {
          const names = positionRowNames(index);
          return (
            <div key={index} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
              <NamedRow
                form={form}
                names={names}
                label={`Position ${index + 1}`}
                descriptionLabel={`Description de la position ${index + 1} (facultative)`}
                labelMax={POSITION_LABEL_MAX}
                descriptionMax={POSITION_DESCRIPTION_MAX}
              />
              <ColourField index={index} name={names.colour} defaultValue={form.valueOf(names.colour, POSITION_COLOURS[index])} error={form.errors[names.colour]} />
            </div>
          );
        })}
      </RowsFieldset>
      <FacetRows form={form} hidden={isHydrated && kind === "POSITION"} />
    </>
  );
}

/** « Regrouper les arguments par thème »: a question ouverte's optional facets, none or 2 to 4. */
function FacetRows({ form, hidden }: { form: ComposerForm; hidden: boolean }) {
  return (
    <RowsFieldset
      name="facets"
      legend="Regrouper les arguments par thème (facultatif, question ouverte)"
      hidden={hidden}
      form={form}
      hint={`Aucun thème, ou de ${FACETS_MIN} à ${FACETS_MAX} thèmes distincts (par exemple « Risques » et « Opportunités ») : chaque argument en choisit un, et les lecteurs les voient côte à côte (${FACET_LABEL_MAX} caractères au plus chacun, et une description facultative d’une ligne). Laissez vides les lignes dont vous n’avez pas besoin.`}
    >
      {Array.from({ length: FACETS_MAX }, (_, index) => (
        <div key={index} className="grid gap-2 sm:grid-cols-2">
          <NamedRow
            form={form}
            names={facetRowNames(index)}
            label={`Thème ${index + 1}`}
            descriptionLabel={`Description du thème ${index + 1} (facultative)`}
            labelMax={FACET_LABEL_MAX}
            descriptionMax={FACET_DESCRIPTION_MAX}
          />
        </div>
      ))}
    </RowsFieldset>
  );
}

type RowsProps = { name: "positions" | "facets"; legend: string; hint: string; hidden: boolean; form: ComposerForm; children: React.ReactNode };

/** A kind's rows: shown and sent unless `hidden` (disabled, so that the form does not send them); their errors as a whole first. */
function RowsFieldset({ name, legend, hint, hidden, form, children }: RowsProps) {
  const id = useFieldId(name);
  return (
    <fieldset
      id={id}
      hidden={hidden}
      disabled={hidden}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      aria-describedby={`${id}-hint${form.errors[name] ? ` ${id}-error` : ""}`}
    >
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        {hint}
      </p>
      <FieldError id={id} error={form.errors[name]} />
      {children}
    </fieldset>
  );
}

type NamedRowProps = {
  form: ComposerForm;
  names: { label: string; description: string };
  label: string;
  descriptionLabel: string;
  labelMax: number;
  descriptionMax: number;
};

/** A row's label and its optional line of description (a little longer allowed in the field, so that the server says the limit). */
function NamedRow({ form, names, label, descriptionLabel, labelMax, descriptionMax }: NamedRowProps) {
  return (
    <>
      <TextField label={label} name={names.label} maxLength={labelMax + 20} defaultValue={form.valueOf(names.label)} error={form.errors[names.label]} />
      <TextField
        label={descriptionLabel}
        name={names.description}
        maxLength={descriptionMax + 20}
        defaultValue={form.valueOf(names.description)}
        error={form.errors[names.description]}
      />
    </>
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
