"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { WrappedTick } from "@/components/charts/wrapped-tick";
import { labelAxisWidth, useWidth } from "@/components/use-width";
import { niceTicks } from "@/lib/charts/nice-ticks";
import type { InputValue } from "@/lib/models/sklearn/types";
import type { ExplanationBody } from "@/lib/models/deployments/predict";

const SHOWN = 12;
const UP = "#4f46e5";
const DOWN = "#e11d48";

interface Step {
  label: string;
  phi: number;
  /** [from, to] on the output axis: the running total before and after this feature. */
  range: [number, number];
}

const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(2) : v.toPrecision(3));
const valueText = (v: InputValue | undefined) => (v === undefined ? "" : typeof v === "number" ? ` = ${Number(v.toPrecision(4))}` : ` = ${v}`);

/**
 * SHAP waterfall of one prediction: from the base value (the expected output over the background),
 * each feature moves the output by its SHAP value, largest first, to f(x). Beyond the largest
 * twelve, the rest are summed into one step so additivity still shows.
 */
export function WaterfallChart({ explanation, input }: { explanation: ExplanationBody; input?: InputValue[] }) {
  const order = explanation.feature_importance.map((phi, j) => ({ j, phi })).sort((a, b) => Math.abs(b.phi) - Math.abs(a.phi));
  const shown = order.slice(0, SHOWN);
  const rest = order.slice(SHOWN);
  const items = shown.map(({ j, phi }) => ({ label: `${explanation.features[j] ?? `x${j}`}${valueText(input?.[j])}`, phi }));
  if (rest.length) items.push({ label: `${rest.length} other features`, phi: rest.reduce((s, r) => s + r.phi, 0) });
  let total = explanation.base_value;
  const steps: Step[] = items.map(({ label, phi }) => {
    const from = total;
    total += phi;
    return { label, phi, range: [from, total] };
  });
  const ends = steps.flatMap((s) => s.range).concat(explanation.base_value, explanation.value);
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
  const [ref, width] = useWidth<HTMLDivElement>();
  const ticks = niceTicks(lo - pad, hi + pad, width > 0 && width < 420 ? 4 : 6, { includeZero: false });
  const axisWidth = labelAxisWidth(steps.map((s) => s.label), width, { share: 0.42 });

  return (
    <div data-testid="waterfall-chart">
      <div className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        <span>base value <span className="font-mono font-semibold">{fmt(explanation.base_value)}</span></span>
        <span>f(x) <span className="font-mono font-semibold">{fmt(explanation.value)}</span></span>
        <span>output <span className="font-mono">{explanation.explained_output}</span></span>
        <span>{explanation.algorithm}{explanation.exact ? " (exact)" : " (approximate)"} · background {explanation.background}</span>
        <span>residual <span className="font-mono">{explanation.residual.toExponential(1)}</span></span>
      </div>
      <div ref={ref} style={{ height: Math.max(170, steps.length * 34 + 64) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={steps} layout="vertical" margin={{ top: 22, right: 56, bottom: 4, left: 8 }} barCategoryGap={4}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" domain={[ticks[0]!, ticks.at(-1)!]} ticks={ticks} interval={0} tickFormatter={(v: number) => String(Number(v.toPrecision(4)))} tick={{ fontSize: 11 }} allowDataOverflow />
            <YAxis type="category" dataKey="label" width={axisWidth} tick={<WrappedTick width={axisWidth - 8} />} interval={0} />
            <Tooltip formatter={(_v, _n, item) => [fmt((item.payload as Step).phi), "SHAP value"]} />
            <ReferenceLine x={explanation.base_value} stroke="#94a3b8" strokeDasharray="4 3" label={{ value: "base", position: "top", fontSize: 11, fill: "#64748b" }} />
            <ReferenceLine x={explanation.value} stroke="#0f172a" strokeDasharray="4 3" label={{ value: "f(x)", position: "top", fontSize: 11, fill: "#0f172a" }} />
            <Bar dataKey="range" isAnimationActive={false}>
              {steps.map((s) => (
                <Cell key={s.label} fill={s.phi >= 0 ? UP : DOWN} />
              ))}
              <LabelList dataKey="phi" position="right" formatter={(v) => (typeof v === "number" ? `${v >= 0 ? "+" : ""}${fmt(v)}` : "")} style={{ fontSize: 11, fill: "#334155" }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
