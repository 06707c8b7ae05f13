import Link from "@/components/workspace-link";
import { Badge } from "@/components/ui";
import { DataTable } from "@/components/data-table";
import type { CruncherQuality } from "@/lib/tasks/cruncher-quality";

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** "7 of 9 · 78% (45–94%)": gold accuracy with its 95% Wilson interval. */
export function goldSummary(q: CruncherQuality): string {
  if (q.gold.total === 0) return "no gold answers yet";
  return `${q.gold.correct} of ${q.gold.total} · ${percent(q.gold.accuracy)} (${percent(q.gold.low)}–${percent(q.gold.high)})`;
}

/** Per-cruncher quality: gold accuracy, agreement with final answers, time per task, answers per day. */
export function CruncherQualityTable({ crunchers, names }: { crunchers: CruncherQuality[]; names: Map<string, string> }) {
  if (!crunchers.length) return <p className="text-sm text-slate-500">No live answers yet.</p>;
  return (
    <DataTable columns={["Cruncher", "Gold accuracy (95% interval)", "Agrees with final answers", { label: "Median time per task", align: "right" }, { label: "Answers per day", align: "right" }, { label: "Answers", align: "right" }]}>
      {crunchers.map((q) => (
        <tr key={q.cruncherId} data-testid="cruncher-quality" data-cruncher={q.cruncherId}>
          <td className="px-4 py-3">
            <Link href={`/tasks/crunchers/${q.cruncherId}`} className="font-medium text-indigo-700 hover:underline">{names.get(q.cruncherId) ?? q.cruncherId.slice(0, 12)}</Link>
            {q.paused ? <span className="ml-2"><Badge tone="red">paused by the gold rule</Badge></span> : null}
          </td>
          <td className="px-4 py-3 tabular-nums text-slate-700" data-testid="gold-accuracy">{goldSummary(q)}</td>
          <td className="px-4 py-3 tabular-nums text-slate-700">{q.agreementRate === null ? "—" : `${percent(q.agreementRate)} of ${q.decided}`}</td>
          <td className="px-4 py-3 text-right tabular-nums text-slate-700">{q.medianSeconds === null ? "—" : `${Math.round(q.medianSeconds)} s`}</td>
          <td className="px-4 py-3 text-right tabular-nums text-slate-700">{q.answersPerDay.toFixed(1)}</td>
          <td className="px-4 py-3 text-right tabular-nums text-slate-700">{q.answers}</td>
        </tr>
      ))}
    </DataTable>
  );
}
