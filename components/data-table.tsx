import type { ReactNode } from "react";
import { Card } from "./ui";

export type Column = string | { label: string; align: "right" };

const labelOf = (column: Column) => (typeof column === "string" ? column : column.label);

/** A short stable class name for a set of columns (tables with the same columns share their labels). */
function classFor(columns: Column[]): string {
  let h = 0;
  for (const ch of columns.map(labelOf).join("|")) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return `data-table-${(h >>> 0).toString(36)}`;
}

/**
 * On a phone each row becomes a card of "label value" lines: the column's label is drawn before
 * each cell, so nothing hides past the screen's edge. The label floats in the cell's left padding and
 * the cell contains it, so a label of two or three lines pushes the next one down instead of overlapping.
 */
function stackedLabels(className: string, columns: Column[]): string {
  const rules = columns
    .map((column, i) => (labelOf(column) ? `.${className} td:nth-child(${i + 1})::before{content:${JSON.stringify(labelOf(column))}}` : ""))
    .join("");
  return `@media (max-width:639.98px){.${className} td::before{float:left;margin-left:-7rem;width:6.5rem;padding-top:0.1rem;font-size:0.7rem;font-weight:600;letter-spacing:0.03em;text-transform:uppercase;color:#64748b}${rules}}`;
}

/** The dashboard's list tables: a card, a header row of column labels, and the rows as children. Wide on a desktop, stacked on a phone. */
export function DataTable({ columns, children }: { columns: Column[]; children: ReactNode }) {
  const className = classFor(columns);
  return (
    <Card className="overflow-hidden">
      <style>{stackedLabels(className, columns)}</style>
      <div className="overflow-x-auto">
        <table
          className={`${className} min-w-full divide-y divide-slate-200 text-sm max-sm:block max-sm:[&_tbody]:block max-sm:[&_td]:flow-root max-sm:[&_td]:min-h-6 max-sm:[&_td]:max-w-none max-sm:[&_td]:py-1 max-sm:[&_td]:pl-[7rem] max-sm:[&_td]:pr-0 max-sm:[&_td]:text-left max-sm:[&_td]:whitespace-normal max-sm:[&_tr]:block max-sm:[&_tr]:px-4 max-sm:[&_tr]:py-3`}
        >
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 max-sm:hidden">
            <tr>
              {columns.map((column) => {
                const { label, align } = typeof column === "string" ? { label: column, align: undefined } : column;
                return (
                  <th key={label} className={align === "right" ? "px-4 py-3 text-right" : "px-4 py-3"}>
                    {label}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">{children}</tbody>
        </table>
      </div>
    </Card>
  );
}
