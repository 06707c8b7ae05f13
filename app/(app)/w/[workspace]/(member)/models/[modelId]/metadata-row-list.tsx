"use client";

import type { ReactNode } from "react";
import { moveRow } from "@/lib/models/metadata-rows";

/** A row with a key that survives reordering (React keeps each row's inputs with it). */
export type Keyed<T> = T & { key: number };

let nextKey = 1;
export const withKeys = <T,>(rows: T[]): Keyed<T>[] => rows.map((row) => ({ ...row, key: nextKey++ }));

const iconButton =
  "inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md border border-slate-300 bg-white text-sm text-slate-600 hover:bg-slate-50 disabled:opacity-40";

/**
 * Rows of inputs with move up / move down / remove on each and "Add" below; `renderRow` draws a
 * row's own inputs. Order is kept as shown: it is the order saved.
 */
export function RowList<T>({
  label,
  rows,
  onChange,
  empty,
  make,
  renderRow,
  max,
}: {
  /** What one row is, for buttons' names ("feature"). */
  label: string;
  rows: Keyed<T>[];
  onChange: (rows: Keyed<T>[]) => void;
  empty: T;
  make?: () => T;
  renderRow: (row: Keyed<T>, update: (part: Partial<T>) => void, index: number) => ReactNode;
  max?: number;
}) {
  const update = (index: number, part: Partial<T>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...part } : r)));
  return (
    <div className="space-y-2">
      {rows.length === 0 ? <p className="text-sm text-slate-500">None yet.</p> : null}
      <ol className="space-y-2">
        {rows.map((row, i) => (
          <li key={row.key} className="@container space-y-1 rounded-md border border-slate-200 p-2" data-testid={`${label}-row`}>
            <div className="flex items-center justify-between gap-2">
              <span className="text-xs font-semibold text-slate-500">{i + 1}.</span>
              <div className="flex gap-1">
              <button type="button" className={iconButton} aria-label={`Move ${label} ${i + 1} up`} disabled={i === 0} onClick={() => onChange(moveRow(rows, i, i - 1))}>↑</button>
              <button type="button" className={iconButton} aria-label={`Move ${label} ${i + 1} down`} disabled={i === rows.length - 1} onClick={() => onChange(moveRow(rows, i, i + 1))}>↓</button>
              <button type="button" className={`${iconButton} text-red-600`} aria-label={`Remove ${label} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>×</button>
              </div>
            </div>
            {renderRow(row, (part) => update(i, part), i)}
          </li>
        ))}
      </ol>
      {max === undefined || rows.length < max ? (
        <button type="button" className="text-sm font-medium text-indigo-600 hover:underline" onClick={() => onChange([...rows, ...withKeys([make ? make() : empty])])}>
          + Add {label}
        </button>
      ) : null}
    </div>
  );
}

/** A small labelled input inside a row. */
export function RowField({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <label className={`block min-w-0 space-y-1 text-xs font-medium text-slate-600 ${className ?? ""}`}>
      <span className="block">{label}</span>
      {children}
    </label>
  );
}
