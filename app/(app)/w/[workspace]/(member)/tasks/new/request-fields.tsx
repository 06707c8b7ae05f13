"use client";

import { Select } from "@/components/ui";
import { CONTENT_TYPES } from "@/lib/tasks/types/shared-fields";

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
