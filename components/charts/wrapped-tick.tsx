"use client";

import { wrapLabel } from "@/lib/charts/wrap-label";

const LINE_HEIGHT = 13;

/**
 * A category-axis tick whose label wraps onto two lines instead of being cut at the chart's edge;
 * the whole label shows on hover.
 */
export function WrappedTick({ x, y, payload, width, fontSize = 12 }: { x?: number | string; y?: number | string; payload?: { value?: unknown }; width: number; fontSize?: number }) {
  const text = String(payload?.value ?? "");
  const lines = wrapLabel(text, width / (fontSize * 0.55), 2);
  const top = Number(y ?? 0) - ((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text x={Number(x ?? 0)} y={top} textAnchor="end" dominantBaseline="central" fontSize={fontSize} fill="#475569">
      <title>{text}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x ?? 0)} dy={i === 0 ? 0 : LINE_HEIGHT}>{line}</tspan>
      ))}
    </text>
  );
}
