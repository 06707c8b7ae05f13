"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useViewerZone } from "@/components/time";
import { formatAxisTime, formatClock } from "@/lib/time-format";

/** Operations per minute over the last hour (predictions served here and recorded external ones). */
export function PerMinuteChart({ points }: { points: { minute: string; count: number }[] }) {
  const total = points.reduce((s, p) => s + p.count, 0);
  const zone = useViewerZone();
  const clock = (iso: string) => formatAxisTime(iso, zone);
  return (
    <div data-testid="per-minute-chart">
      <p className="mb-2 text-xs text-slate-500">{total.toLocaleString("en-GB")} in the last hour · times in {zone.name}</p>
      <div style={{ height: 160 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="minute" tickFormatter={clock} tick={{ fontSize: 11 }} interval={9} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip labelFormatter={(v) => formatClock(String(v), zone)} formatter={(v) => [v, "operations"]} />
            <Bar dataKey="count" fill="#4f46e5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
