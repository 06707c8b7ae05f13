"use client";

import type { ReactNode } from "react";
import { Field, Input, Select } from "@/components/ui";
import type { RequestType } from "@/lib/tasks/request-types";
import type { ContentType } from "@/lib/tasks/types/shared-fields";
import { ContentTypeSelect, Lines, type ErrorAt } from "./request-fields";

/**
 * The "New request" form's part for a type's own parameters (choices, validation, the rating
 * scale), one entry per type in QUESTION_FORMS: its inputs and how they become the JSON body. The
 * same part serves per_annotation of the annotations-with-* types.
 */

/** What the inputs hold, as typed (numbers stay text until the body is built). */
export interface QuestionFields {
  choices_type: ContentType;
  choices: string;
  min_answers: string;
  max_answers: string;
  validation: "" | "number" | "url";
  rating_min: string;
  rating_max: string;
  rating_step: string;
  label_min: string;
  label_max: string;
}

export const EMPTY_QUESTION: QuestionFields = {
  choices_type: "text",
  choices: "",
  min_answers: "",
  // One answer unless asked otherwise: a blank would allow every choice, and single-answer
  // questions would show checkboxes.
  max_answers: "1",
  validation: "",
  rating_min: "",
  rating_max: "",
  rating_step: "",
  label_min: "",
  label_max: "",
};

export const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

/** Empty means "use the default"; anything else is sent as a number when it is one, else as typed (and reported). */
export function numberField(out: Record<string, unknown>, name: string, text: string) {
  const trimmed = text.trim();
  if (!trimmed) return;
  out[name] = Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

export function textField(out: Record<string, unknown>, name: string, text: string) {
  if (text.trim()) out[name] = text.trim();
}

interface InputsProps {
  fields: QuestionFields;
  set: (patch: Partial<QuestionFields>) => void;
  errorAt: ErrorAt;
  /** ["per_annotation"] inside annotations. */
  prefix: string[];
}

export interface QuestionForm {
  Inputs: (props: InputsProps) => ReactNode;
  body: (fields: QuestionFields) => Record<string, unknown>;
}

function ChoiceInputs({ fields, set, errorAt, prefix }: InputsProps) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <Field label="Choices (one per line)" error={errorAt(...prefix, "choices")}>
        <Lines name={`${prefix.join(".")}choices`} value={fields.choices} onChange={(choices) => set({ choices })} rows={4} placeholder={"no violence\nmild violence\nintense violence"} />
      </Field>
      <div className="space-y-4">
        <Field label="Choices are" error={errorAt(...prefix, "choices_type")}>
          <ContentTypeSelect name="choices_type" value={fields.choices_type} onChange={(choices_type) => set({ choices_type })} />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Min answers" error={errorAt(...prefix, "min_answers")} hint="default 1">
            <Input inputMode="numeric" value={fields.min_answers} onChange={(e) => set({ min_answers: e.target.value })} />
          </Field>
          <Field label="Max answers" error={errorAt(...prefix, "max_answers")} hint="1 = one answer; 0 = any number">
            <Input inputMode="numeric" value={fields.max_answers} onChange={(e) => set({ max_answers: e.target.value })} />
          </Field>
        </div>
      </div>
    </div>
  );
}

function ValidationInputs({ fields, set, errorAt, prefix }: InputsProps) {
  return (
    <Field label="Validation" error={errorAt(...prefix, "validation")}>
      <Select value={fields.validation} onChange={(e) => set({ validation: e.target.value as QuestionFields["validation"] })}>
        <option value="">any text</option>
        <option value="number">number</option>
        <option value="url">url</option>
      </Select>
    </Field>
  );
}

const SCALE_INPUTS = [
  ["rating_min", "Min", "default 0"],
  ["rating_max", "Max", "default 100"],
  ["rating_step", "Step", "default 1"],
  ["label_min", "Label at min", undefined],
  ["label_max", "Label at max", undefined],
] as const;

function ScaleInputs({ fields, set, errorAt, prefix }: InputsProps) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {SCALE_INPUTS.map(([name, label, hint]) => (
        <Field key={name} label={label} error={errorAt(...prefix, name)} hint={hint}>
          <Input value={fields[name]} inputMode={name.startsWith("rating") ? "decimal" : undefined} onChange={(e) => set({ [name]: e.target.value })} />
        </Field>
      ))}
    </div>
  );
}

export const QUESTION_FORMS: Partial<Record<RequestType, QuestionForm>> = {
  "multiple-choice": {
    Inputs: ChoiceInputs,
    body: (f) => {
      const out: Record<string, unknown> = { choices_type: f.choices_type, choices: lines(f.choices) };
      numberField(out, "min_answers", f.min_answers);
      numberField(out, "max_answers", f.max_answers);
      return out;
    },
  },
  "free-text": { Inputs: ValidationInputs, body: (f) => (f.validation ? { validation: f.validation } : {}) },
  rating: {
    Inputs: ScaleInputs,
    body: (f) => {
      const out: Record<string, unknown> = {};
      for (const name of ["rating_min", "rating_max", "rating_step"] as const) numberField(out, name, f[name]);
      textField(out, "label_min", f.label_min);
      textField(out, "label_max", f.label_max);
      return out;
    },
  },
};
