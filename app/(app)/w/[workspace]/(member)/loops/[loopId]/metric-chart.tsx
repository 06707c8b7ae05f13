"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface MetricPoint {
  index: number;
  model: number | null;
  baseline: number | null;
}

/** The rolling prequential metric against its baseline, with drift events marked. */
export function MetricChart({ points, events, metric }: { points: MetricPoint[]; events: { index: number; kind: string }[]; metric: string }) {
  if (points.length < 2) {
    return <p className="py-12 text-center text-sm text-slate-500">The chart appears after a few labelled examples.</p>;
  }
  return (
    <div className="h-64" data-testid="metric-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 20, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="index" type="number" domain={["dataMin", "dataMax"]} tick={{ fontSize: 12 }} label={{ value: "examples", position: "insideBottomRight", offset: -4, fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} width={56} />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(4) : String(v))} labelFormatter={(i) => `example ${i}`} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
          <Line type="monotone" dataKey="model" name={`${metric} (model)`} stroke="#4f46e5" dot={false} strokeWidth={2} isAnimationActive={false} />
          <Line type="monotone" dataKey="baseline" name={`${metric} (baseline)`} stroke="#94a3b8" dot={false} strokeDasharray="4 3" isAnimationActive={false} />
          {events.map((e) => (
            <ReferenceLine key={`${e.kind}-${e.index}`} x={e.index} stroke={e.kind === "drift" ? "#dc2626" : "#f59e0b"} strokeDasharray="2 2" label={{ value: e.kind, fontSize: 10, fill: "#b91c1c", position: "top" }} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
