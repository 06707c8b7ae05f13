"use client";

import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { Card, ScrollX } from "@/components/ui";
import type { ConfusionReport, ResidualReport, WindowQuality } from "@/lib/loops/window-report";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

function ConfusionMatrix({ report }: { report: ConfusionReport }) {
  const max = Math.max(1, ...report.counts.flat());
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      <ScrollX>
        <p className="mb-2 text-xs text-slate-500">Rows: the true class · columns: the prediction</p>
        <table className="border-separate border-spacing-0.5 text-xs" data-testid="confusion-matrix" aria-label="Confusion matrix: rows are the true class, columns the prediction">
          <thead>
            <tr>
              <th />
              {report.classes.map((c) => (
                <th key={c} scope="col" className="max-w-24 truncate px-1 pb-1 font-medium text-slate-600" title={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.counts.map((row, i) => (
              <tr key={report.classes[i]}>
                <th scope="row" className="max-w-32 truncate pr-2 text-right font-medium text-slate-600" title={report.classes[i]}>
                  {report.classes[i]}
                </th>
                {row.map((n, j) => {
                  const share = n / max;
                  return (
                    <td
                      key={j}
                      title={`${n} × true ${report.classes[i]}, predicted ${report.classes[j]}`}
                      className={`h-9 min-w-11 rounded px-1.5 text-center tabular-nums ${share > 0.5 ? "text-white" : "text-slate-800"}`}
                      style={{ backgroundColor: n ? `color-mix(in oklab, ${i === j ? "var(--color-indigo-600)" : "var(--color-red-600)"} ${Math.round(12 + share * 88)}%, transparent)` : undefined }}
                    >
                      {n || ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      <ScrollX>
        <table className="w-full text-sm" data-testid="per-class-metrics">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1.5 pr-3 font-medium">Class</th>
              <th className="py-1.5 pr-3 text-right font-medium">Precision</th>
              <th className="py-1.5 pr-3 text-right font-medium">Recall</th>
              <th className="py-1.5 pr-3 text-right font-medium">F1</th>
              <th className="py-1.5 text-right font-medium">Support</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {report.perClass.map((q) => (
              <tr key={q.class}>
                <td className="max-w-48 truncate py-1.5 pr-3 font-medium" title={q.class}>{q.class}</td>
                <td className="py-1.5 pr-3 text-right">{pct(q.precision)}</td>
                <td className="py-1.5 pr-3 text-right">{pct(q.recall)}</td>
                <td className="py-1.5 pr-3 text-right">{pct(q.f1)}</td>
                <td className="py-1.5 text-right">{q.support.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </div>
  );
}

function ResidualPlot({ report }: { report: ResidualReport }) {
  return (
    <div className="h-64" data-testid="residual-plot">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 12, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="predicted" type="number" name="prediction" domain={["auto", "auto"]} tick={{ fontSize: 12 }} label={{ value: "prediction", position: "insideBottomRight", offset: -8, fontSize: 12 }} />
          <YAxis dataKey="residual" type="number" name="residual" domain={["auto", "auto"]} tick={{ fontSize: 12 }} width={56} label={{ value: "y − ŷ", angle: -90, position: "insideLeft", fontSize: 12 }} />
          <ReferenceLine y={0} stroke="#64748b" />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toPrecision(4) : String(v))} />
          <Scatter data={report.points} fill="#4f46e5" fillOpacity={0.55} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Where the model goes wrong over its last examples: a confusion matrix with per-class metrics, or a residual plot. */
export function QualityPanel({ quality }: { quality: WindowQuality | null }) {
  if (!quality || quality.examples === 0) return null;
  const classification = quality.kind === "classification";
  return (
    <Card className="p-6">
      <h2 className="text-base font-semibold">{classification ? "Confusion matrix" : "Residuals"}</h2>
      <p className="mt-1 text-sm text-slate-500">
        Over the last {quality.examples.toLocaleString("en-GB")} labelled examples, each scored before it was learned.
        {classification && quality.unpredicted ? ` ${quality.unpredicted} came before the model could predict and are left out.` : ""}
        {!classification ? " Points should scatter evenly around zero; a slope or a funnel means the model misses a pattern." : ""}
      </p>
      <div className="mt-4">{classification ? <ConfusionMatrix report={quality} /> : <ResidualPlot report={quality} />}</div>
    </Card>
  );
}
