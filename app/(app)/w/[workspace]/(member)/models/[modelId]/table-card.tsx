import type { ReactNode } from "react";
import { Card, ScrollX } from "@/components/ui";

/** A cell of these tables: one line, the page scrolls the card sideways rather than wrapping. */
export const cell = "whitespace-nowrap px-3 py-2";

/** One of the model page's tables: a titled card, a sentence when it is empty, else a table with these columns (rows are the children). */
export function TableCard({ title, empty, head, testId, children }: { title: string; empty: ReactNode | null; head: string[]; testId?: string; children: ReactNode }) {
  return (
    <Card className="overflow-x-auto">
      <h2 className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-semibold text-slate-900">{title}</h2>
      {empty !== null ? (
        <p className="px-3 py-2.5 text-sm text-slate-500">{empty}</p>
      ) : (
        <ScrollX>
          <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid={testId}>
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                {head.map((h) => (
                  <th key={h} className={cell}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">{children}</tbody>
          </table>
        </ScrollX>
      )}
    </Card>
  );
}
