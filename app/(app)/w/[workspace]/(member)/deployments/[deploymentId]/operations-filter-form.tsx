"use client";

import { useState, type FormEvent } from "react";
import { Button, Input, Select } from "@/components/ui";

export interface OperationsFilterDraft {
  source: string;
  text: string;
  /** datetime-local values (the browser's local time), "" for none. */
  from: string;
  to: string;
}

export const NO_FILTER: OperationsFilterDraft = { source: "", text: "", from: "", to: "" };

/** A datetime-local value as an instant with its zone, as the routes want it ("" stays ""). */
export function localToIso(value: string): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

const label = "space-y-1 text-xs font-medium text-slate-600";

/** Source, text and time range of the operations log; applied on submit, so typing does not refetch. */
export function OperationsFilterForm({ value, onApply }: { value: OperationsFilterDraft; onApply: (filter: OperationsFilterDraft) => void }) {
  const [draft, setDraft] = useState(value);
  const set = (part: Partial<OperationsFilterDraft>) => setDraft({ ...draft, ...part });
  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }
  const filtered = Object.values(value).some(Boolean);
  return (
    <form className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[10rem_minmax(0,1fr)_minmax(0,13rem)_minmax(0,13rem)_auto]" onSubmit={submit} aria-label="Filter operations">
      <label className={label}>
        <span className="block">Source</span>
        <Select aria-label="Source" value={draft.source} onChange={(e) => set({ source: e.target.value })}>
          <option value="">Any source</option>
          <option value="predict">predict</option>
          <option value="external">external</option>
        </Select>
      </label>
      <label className={label}>
        <span className="block">Input or output contains</span>
        <Input aria-label="Contains" value={draft.text} maxLength={200} placeholder="e.g. setosa" onChange={(e) => set({ text: e.target.value })} />
      </label>
      <label className={label}>
        <span className="block">From <span className="font-normal text-slate-400">(your time)</span></span>
        <Input aria-label="From" type="datetime-local" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label className={label}>
        <span className="block">Until <span className="font-normal text-slate-400">(your time)</span></span>
        <Input aria-label="Until" type="datetime-local" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <div className="flex items-end gap-2">
        <Button type="submit" variant="secondary">Filter</Button>
        {filtered ? (
          <Button type="button" variant="secondary" onClick={() => { setDraft(NO_FILTER); onApply(NO_FILTER); }}>
            Clear
          </Button>
        ) : null}
      </div>
    </form>
  );
}
