"use client";

import { Badge } from "@/components/ui";
import type { DriftCheckView } from "@/lib/models/drift/dashboard";

const TEST_NAMES = { welch_t: "Welch t", mmd_rbf: "MMD (RBF)", kolmogorov_smirnov: "KS", chi_square: "χ² (counts)" } as const;

export function formatP(p: number | null): string {
  if (p === null) return "—";
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

const number = (v: number | null | undefined) => (v === null || v === undefined ? "—" : Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(3));

/** The latest check's verdict per feature, with p-values and effect sizes. */
export function DriftVerdicts({ check }: { check: DriftCheckView }) {
  if (!check.features.length) {
    return <p className="text-sm text-slate-600">{check.reason ?? "No features were tested."}</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="drift-verdicts">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="py-2 pr-4 font-medium">Feature</th>
            <th className="py-2 pr-4 font-medium">Test</th>
            <th className="py-2 pr-4 text-right font-medium">Statistic</th>
            <th className="py-2 pr-4 text-right font-medium">p</th>
            <th className="py-2 pr-4 text-right font-medium">Adjusted p</th>
            <th className="py-2 pr-4 text-right font-medium" title="Wasserstein distance in reference standard deviations">W₁ / σ</th>
            <th className="py-2 pr-4 text-right font-medium" title="Jensen–Shannon distance, base 2">JS</th>
            <th className="py-2 font-medium">Verdict</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {check.features.map((f) => (
            <tr key={f.feature} data-feature={f.feature}>
              <td className="py-2 pr-4 font-mono">
                {f.feature} <span className="text-xs text-slate-400">{f.type}</span>
              </td>
              <td className="py-2 pr-4 text-slate-600">{TEST_NAMES[f.test]}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{number(f.statistic)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatP(f.pValue)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatP(f.pAdjusted)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{number(f.effect?.wasserstein)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{number(f.effect?.jensenShannon)}</td>
              <td className="py-2">
                {f.verdict === "drift" ? <Badge tone="red">drift</Badge> : f.verdict === "no_drift" ? <Badge tone="green">no drift</Badge> : <Badge tone="slate">too few values</Badge>}
                {f.reason ? <span className="ml-2 text-xs text-slate-500">{f.reason}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">
        Window {check.windowSize} rows against {check.referenceSize} rows of training data. Effect sizes appear with more than 1,000 reference rows.
      </p>
    </div>
  );
}
