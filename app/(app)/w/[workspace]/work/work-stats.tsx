"use client";

import { Card } from "@/components/ui";
import type { WorkStats } from "./work-api";
import { useWorkStats } from "./use-work-stats";

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="min-w-0 px-4 py-3 sm:px-5">
      <div className="text-xs font-medium text-slate-500">{label}</div>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-xl font-semibold tabular-nums text-slate-900" data-testid={testId}>{value}</span>
        {note ? <span className="min-w-0 text-xs text-slate-500">{note}</span> : null}
      </div>
    </div>
  );
}

/** The cruncher's own numbers: never anyone else's answers. */
export function WorkStatsPanel({ initial, working = false }: { initial: WorkStats; working?: boolean }) {
  const { data } = useWorkStats(initial);
  const rate = data.agreementRate === null ? "—" : `${Math.round(data.agreementRate * 100)}%`;
  return (
    <Card className="grid grid-cols-2 divide-slate-100 lg:grid-cols-4 lg:divide-x">
      <h2 className="sr-only">Your stats</h2>
      <Stat label="Answered today" value={data.answeredToday.toLocaleString("en-GB")} testId="stat-today" />
      <Stat label="Answered in total" value={data.answeredTotal.toLocaleString("en-GB")} testId="stat-total" />
      <Stat
        label="Agreement"
        value={rate}
        testId="stat-agreement"
        note={data.decided ? `${data.agreed} of ${data.decided} majority decisions` : "after a majority decides"}
      />
      <Stat
        label={working ? "Waiting after this one" : "Waiting for you"}
        value={data.waiting >= 100 ? "100+" : String(data.waiting)}
        testId="stat-waiting"
        note={data.waiting === 1 ? "task" : "tasks"}
      />
    </Card>
  );
}
