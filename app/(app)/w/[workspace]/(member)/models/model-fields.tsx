"use client";

import { Field, Input } from "@/components/ui";
import { plainProblem } from "@/lib/plain-problem";

export interface ModelFieldValues {
  modelname: string;
  modelkind: string;
  tags: string;
}

/** "a, b ,, c" → ["a", "b", "c"] */
export function tagsOf(text: string): string[] {
  return [...new Set(text.split(",").map((t) => t.trim()).filter(Boolean))];
}

/** Name, kind and tags: shared by the register form and the model page's edit form. */
export function ModelFields({ values, onChange }: { values: ModelFieldValues; onChange: (values: ModelFieldValues) => void }) {
  return (
    <>
      <Field label="Name">
        <Input value={values.modelname} onChange={(e) => onChange({ ...values, modelname: e.target.value })} placeholder="e.g. Diabetes ridge" />
      </Field>
      <Field label="Kind" hint="Free text, e.g. regression or classification.">
        <Input value={values.modelkind} onChange={(e) => onChange({ ...values, modelkind: e.target.value })} placeholder="regression" />
      </Field>
      <Field label="Tags" hint="Separated by commas.">
        <Input value={values.tags} onChange={(e) => onChange({ ...values, tags: e.target.value })} placeholder="sklearn, diabetes" />
      </Field>
    </>
  );
}

export function Problems({ problems }: { problems: string[] }) {
  if (!problems.length) return null;
  return (
    <ul role="alert" className="list-disc space-y-1 rounded-md bg-red-50 py-2 pl-8 pr-3 text-sm text-red-700">
      {problems.map((p) => (
        <li key={p}>{plainProblem(p)}</li>
      ))}
    </ul>
  );
}
