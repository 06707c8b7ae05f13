import type { ReactNode } from "react";
import { Card } from "./ui";

export type Column = string | { label: string; align: "right" };

/** The dashboard's list tables: a card, a header row of column labels, and the rows as children; wider than the screen, it scrolls sideways. */
export function DataTable({ columns, children }: { columns: Column[]; children: ReactNode }) {
  return (
    <Card className="overflow-hidden">
      <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
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
