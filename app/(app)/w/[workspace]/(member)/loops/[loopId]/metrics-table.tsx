import type { MetricReport, MetricsReport, WindowName } from "@/lib/loops/metrics-report";

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "—" : Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(3));
const COLUMNS: [WindowName, string][] = [
  ["last_200", "Last 200"],
  ["last_1000", "Last 1,000"],
  ["cumulative", "All"],
];

/** The strongest baseline over the last 200 examples, for this metric's direction. */
function bestBaseline(metric: MetricReport): { name: string; value: number } | null {
  let best: { name: string; value: number } | null = null;
  for (const [name, values] of Object.entries(metric.baselines)) {
    const value = values.last_200;
    if (value === null) continue;
    if (best === null || (metric.better === "higher" ? value > best.value : value < best.value)) best = { name, value };
  }
  return best;
}

/** Every metric the loop computes, model against its strongest baseline; the same numbers as GET /definitions/:loop_id/metrics. */
export function MetricsTable({ report }: { report: MetricsReport }) {
  return (
    <table className="w-full text-sm" data-testid="metrics-table">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 pr-2 font-medium">Metric</th>
          {COLUMNS.map(([window, label]) => (
            <th key={window} className="py-2 pl-2 text-right font-medium">
              {label}
              <span className="block font-normal normal-case tracking-normal text-slate-400">{report.examples[window].toLocaleString("en-GB")} ex.</span>
            </th>
          ))}
          <th className="py-2 pl-2 text-right font-medium">Baseline</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {Object.entries(report.metrics).map(([name, metric]) => {
          const baseline = bestBaseline(metric);
          return (
            <tr key={name}>
              <td className="py-1.5 pr-2">
                <span className="font-medium">{metric.label}</span>
                <span className="block text-xs text-slate-400">{metric.better} is better</span>
              </td>
              {COLUMNS.map(([window]) => (
                <td key={window} className="py-1.5 pl-2 text-right tabular-nums">
                  {fmt(metric.model[window])}
                </td>
              ))}
              <td className="py-1.5 pl-2 text-right tabular-nums text-slate-500" title={baseline ? `${baseline.name.replace(/_/g, " ")}, last 200` : undefined}>
                {fmt(baseline?.value)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
