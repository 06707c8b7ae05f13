"use client";

import { cloneElement, useId, type ReactElement, type ReactNode } from "react";

/** A labelled form control; the hint or error is linked to the control for screen readers. */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: ReactNode; children: ReactElement<{ id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean }> }) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      {cloneElement(children, { id, "aria-describedby": note ? noteId : undefined, "aria-invalid": error ? true : undefined })}
      {error ? (
        <p id={noteId} className="text-sm text-red-600" role="alert">{error}</p>
      ) : hint ? (
        <p id={noteId} className="text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}
