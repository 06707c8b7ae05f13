"use client";

import { Field, Input, Select } from "@/components/ui";
import { CONTENT_TYPES } from "@/lib/tasks/types/shared-fields";
import type { PlainFields } from "./request-body";

export type ErrorAt = (...path: (string | number)[]) => string | undefined;

const textarea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500";

/** Field clones its control with id and aria props; these pass them on to the element. */
type LabelledProps = { id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean };

export function Lines({ onChange, rows, ...props }: LabelledProps & { name: string; value: string; onChange: (v: string) => void; placeholder?: string; rows?: number }) {
  return <textarea {...props} rows={rows ?? 3} onChange={(e) => onChange(e.target.value)} className={textarea} />;
}

export function ContentTypeSelect({ onChange, ...props }: LabelledProps & { value: string; onChange: (v: (typeof CONTENT_TYPES)[number]) => void; name: string }) {
  return (
    <Select {...props} onChange={(e) => onChange(e.target.value as (typeof CONTENT_TYPES)[number])}>
      {CONTENT_TYPES.map((c) => <option key={c} value={c}>{c}</option>)}
    </Select>
  );
}

/** Choices, validation or the rating scale: the question part of a plain type (top level or per annotation). */
export function PlainQuestionFields({ kind, fields, set, errorAt, prefix = [] }: { kind: "multiple-choice" | "free-text" | "rating"; fields: PlainFields; set: (patch: Partial<PlainFields>) => void; errorAt: ErrorAt; prefix?: string[] }) {
  if (kind === "multiple-choice") {
    return (
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
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
            <Field label="Max answers" error={errorAt(...prefix, "max_answers")} hint="0 = no limit">
              <Input inputMode="numeric" value={fields.max_answers} onChange={(e) => set({ max_answers: e.target.value })} />
            </Field>
          </div>
        </div>
      </div>
    );
  }
  if (kind === "free-text") {
    return (
      <Field label="Validation" error={errorAt(...prefix, "validation")}>
        <Select value={fields.validation} onChange={(e) => set({ validation: e.target.value as PlainFields["validation"] })}>
          <option value="">any text</option>
          <option value="number">number</option>
          <option value="url">url</option>
        </Select>
      </Field>
    );
  }
  return (
    <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {(
        [
          ["rating_min", "Min", "default 0"],
          ["rating_max", "Max", "default 100"],
          ["rating_step", "Step", "default 1"],
          ["label_min", "Label at min", undefined],
          ["label_max", "Label at max", undefined],
        ] as const
      ).map(([name, label, hint]) => (
        <Field key={name} label={label} error={errorAt(...prefix, name)} hint={hint}>
          <Input value={fields[name]} inputMode={name.startsWith("rating") ? "decimal" : undefined} onChange={(e) => set({ [name]: e.target.value })} />
        </Field>
      ))}
    </div>
  );
}
