"use client";

import { Card } from "@/components/ui";
import type { LiveLoopData } from "@/lib/loops/dashboard";
import { ContributionsChart } from "./contributions-chart";
import { MetricChart } from "./metric-chart";
import { MetricsTable } from "./metrics-table";
import { PredictionInputs } from "./prediction-inputs";
import { QualityPanel } from "./quality-panel";
import { useLoopLive } from "./use-loop-live";
import { Time } from "@/components/time";

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "—" : Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(3));

/** Metrics, learning curve and recent predictions, refreshed every few seconds while the page is open. */
export function LivePanel({ loopId, initial, outputName, fields }: { loopId: string; initial: LiveLoopData; outputName: string; fields: string[] }) {
  const { data } = useLoopLive(loopId, initial);
  const { metric } = data;
  return (
    <>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-5">
        {[
          ["examples seen", data.nSeen.toLocaleString("en-GB")],
          [metric?.name ?? "metric", fmt(metric?.model)],
          ["baseline", fmt(metric?.baseline)],
          ["lift over baseline", fmt(metric?.lift)],
          ["drift events", String(data.events.filter((e) => e.kind === "drift").length)],
        ].map(([label, value]) => (
          <Card key={label} className="min-w-0 p-4">
            <div className="break-words text-xs uppercase tracking-wide text-slate-500">{label}</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
          </Card>
        ))}
      </div>
      {metric?.alert ? <p className="rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-800">The model is not beating its baseline over the last 200 examples.</p> : null}

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="p-6">
          <h2 className="text-base font-semibold">Learning curve</h2>
          <p className="mt-1 text-sm text-slate-500">
            Rolling {metric?.name ?? "metric"} over the last 200 labelled examples, each scored before it was learned, against the baseline. Drift is marked.
          </p>
          <div className="mt-4">
            <MetricChart points={data.series} events={data.events} metric={metric?.name ?? "metric"} />
          </div>
        </Card>

        <Card className="p-6">
          <h2 className="text-base font-semibold">Metrics</h2>
          <p className="mt-1 text-sm text-slate-500">Every example is scored before it is learned. Baseline: the strongest over the last 200.</p>
          <div className="mt-4 overflow-x-auto">
            {data.report && data.report.examples.cumulative > 0 ? (
              <MetricsTable report={data.report} />
            ) : (
              <p className="py-12 text-center text-sm text-slate-500">Metrics appear after the first labelled example.</p>
            )}
          </div>
        </Card>
      </div>

      <QualityPanel quality={data.quality ?? null} />

      <Card className="p-6">
        <h2 className="text-base font-semibold">Recent predictions</h2>
        <p className="mt-1 text-sm text-slate-500">A sample of the latest /predict/ calls with what drove each answer.</p>
        {data.recent.length ? (
          <ul className="mt-4 divide-y divide-slate-100" data-testid="recent-predictions">
            {data.recent.slice(0, 5).map((p) => (
              <li key={p.id} className="grid grid-cols-1 gap-4 py-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                <div className="space-y-1 text-sm">
                  <div>
                    <span className="text-slate-500">{outputName}:</span> <span className="font-mono font-semibold">{JSON.stringify(p.value)}</span>{" "}
                    <span className="text-xs text-slate-400">model v{p.modelVersion} · <Time value={p.createdAt} style="relative" /></span>
                  </div>
                  <PredictionInputs fields={fields} input={p.input} />
                </div>
                <ContributionsChart contributors={p.explanation.top_contributors.slice(0, 5)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-sm text-slate-500">No predictions yet: call /predict/ with this loop&apos;s id.</p>
        )}
      </Card>
    </>
  );
}
