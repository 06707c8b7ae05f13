"use client";

import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { WrappedTick } from "@/components/charts/wrapped-tick";
import { labelAxisWidth, useWidth } from "@/components/use-width";
import { niceTicks } from "@/lib/charts/nice-ticks";
import type { Contributor } from "@/lib/loops/types";

const tickText = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : String(Number(v.toPrecision(3))));

/** Per-feature contributions of one prediction: right pushes the output up, left pushes it down. */
export function ContributionsChart({ contributors }: { contributors: Contributor[] }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const data = contributors.map((c) => ({ feature: c.feature, contribution: c.contribution }));
  const values = data.map((d) => d.contribution);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), width > 0 && width < 360 ? 4 : 5);
  const axisWidth = labelAxisWidth(data.map((d) => d.feature), width, { share: 0.38 });
  return (
    <div ref={ref} style={{ height: Math.max(120, data.length * 34 + 40) }} data-testid="contributions-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <XAxis type="number" tick={{ fontSize: 12 }} domain={[ticks[0]!, ticks.at(-1)!]} ticks={ticks} tickFormatter={tickText} interval={0} />
          <YAxis type="category" dataKey="feature" width={axisWidth} tick={<WrappedTick width={axisWidth - 8} />} interval={0} />
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
