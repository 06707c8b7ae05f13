"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useViewerZone } from "@/components/time";
import { formatAxisTime } from "@/lib/time-format";
import type { DriftCheckView } from "@/lib/models/drift/dashboard";

const COLOURS = ["#4f46e5", "#0891b2", "#059669", "#d97706", "#db2777", "#7c3aed", "#65a30d", "#dc2626", "#0284c7", "#475569"];
/** The log axis needs a floor: smaller adjusted p-values are drawn at it. */
const FLOOR = 1e-6;

/** Each feature's Bonferroni-adjusted p-value per check (oldest left), against the level alpha. */
export function DriftChart({ checks, alpha }: { checks: DriftCheckView[]; alpha: number }) {
  const zone = useViewerZone();
  const time = (iso: string) => formatAxisTime(iso, { timeZone: zone.timeZone, withDay: true });
  const withVerdicts = [...checks].reverse().filter((c) => c.features.some((f) => f.pAdjusted !== null));
  if (withVerdicts.length < 2) {
    return <p className="py-10 text-center text-sm text-slate-500">The chart appears after two checks with a verdict.</p>;
  }
  const features = [...new Set(withVerdicts.flatMap((c) => c.features.map((f) => f.feature)))];
  const points = withVerdicts.map((check) => ({
    time: time(check.createdAt),
    ...Object.fromEntries(check.features.filter((f) => f.pAdjusted !== null).map((f) => [f.feature, Math.max(f.pAdjusted!, FLOOR)])),
  }));
  return (
    <div className="h-72" data-testid="drift-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="time" tick={{ fontSize: 11 }} minTickGap={24} label={{ value: zone.name, position: "insideBottomRight", offset: -4, fontSize: 10, fill: "#64748b" }} />
          <YAxis scale="log" domain={[FLOOR, 1]} allowDataOverflow ticks={[1e-6, 1e-4, 1e-2, 1]} tickFormatter={(v: number) => (v >= 0.01 ? String(v) : v.toExponential(0))} tick={{ fontSize: 11 }} width={48} />
          <Tooltip formatter={(v) => (typeof v === "number" ? (v <= FLOOR ? `≤ ${FLOOR}` : v < 1e-3 ? v.toExponential(2) : v.toFixed(4)) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={alpha} stroke="#dc2626" strokeDasharray="4 3" label={{ value: `α = ${alpha}`, position: "insideBottomRight", fontSize: 11, fill: "#b91c1c" }} />
          {features.map((feature, i) => (
            <Line key={feature} type="monotone" dataKey={feature} stroke={COLOURS[i % COLOURS.length]} dot={{ r: 2 }} strokeWidth={1.5} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
