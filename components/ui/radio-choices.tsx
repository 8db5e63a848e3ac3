"use client";

import { useFieldId } from "./action-form";
import { FieldError } from "./text-field";

export type RadioChoice = { value: string; label: string; hint?: string | null };

type Props = {
  name: string;
  legend: string;
  choices: readonly RadioChoice[];
  /** The choice checked when the form renders (after a refusal, the one that was sent). */
  checked: string;
  error?: string;
  required?: boolean;
  onChange?: (value: string) => void;
};

/** One choice among a few, each with its line of explanation; its error is announced with the group. */
export function RadioChoices({ name, legend, choices, checked, error, required, onChange }: Props) {
  const id = useFieldId(name);
  return (
    <fieldset id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <FieldError id={id} error={error} />
      {choices.map((choice) => (
        <label key={choice.value} className="mt-1 flex min-h-6 items-baseline gap-2 text-sm">
          <input
            type="radio"
            name={name}
            value={choice.value}
            required={required}
            // Uncontrolled: React resets the form after a refusal, to the choice that was sent.
            defaultChecked={checked === choice.value}
            onChange={onChange && (() => onChange(choice.value))}
            className="h-4 w-4 self-center"
          />
          <span>
            <span className="font-medium">{choice.label}</span>
            {choice.hint && <> — {choice.hint}</>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
