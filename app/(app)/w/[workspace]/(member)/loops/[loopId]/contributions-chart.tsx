"use client";

import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Contributor } from "@/lib/loops/types";

/** Per-feature contributions of one prediction: right pushes the output up, left pushes it down. */
export function ContributionsChart({ contributors }: { contributors: Contributor[] }) {
  const data = contributors.map((c) => ({ feature: c.feature, contribution: c.contribution }));
  return (
    <div style={{ height: Math.max(120, data.length * 30 + 40) }} data-testid="contributions-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <XAxis type="number" tick={{ fontSize: 12 }} domain={[(min: number) => Math.min(0, min), (max: number) => Math.max(0, max)]} tickFormatter={(v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2))} tickCount={5} />
          <YAxis type="category" dataKey="feature" width={120} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(4) : String(v))} />
          <ReferenceLine x={0} stroke="#64748b" />
          <Bar dataKey="contribution" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.feature} fill={d.contribution >= 0 ? "#4f46e5" : "#e11d48"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
