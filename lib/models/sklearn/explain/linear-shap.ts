/**
 * Exact SHAP for a linear margin with independent features (interventional):
 * φ_j = coef_j·(x_j − mean_j), base = f(mean). See docs/sklearn-pickles.md §10.
 */
import { columnMeans } from "../arrays";
import { numericRows } from "../input";
import type { BackgroundSource, ExplainContext, Explanation } from "../types";

/** The background mean: the uploaded rows' column means when given, else 0 (reported as "none"). */
export function resolveMean(ctx: ExplainContext, nFeatures: number): { mean: number[]; source: BackgroundSource } {
  const rows = ctx.background;
  if (rows && rows.length > 0) return { mean: columnMeans(numericRows(rows, nFeatures), nFeatures), source: "data_file" };
  return { mean: new Array<number>(nFeatures).fill(0), source: "none" };
}

export function linearExplanation(
  coef: readonly number[],
  intercept: number,
  x: readonly number[],
  mean: readonly number[],
  output: string,
  background: BackgroundSource,
): Explanation {
  let fx = 0;
  let base = 0;
  let total = 0;
  const values = coef.map((c, j) => {
    fx += x[j]! * c;
    base += mean[j]! * c;
    const phi = c * (x[j]! - mean[j]!);
    total += phi;
    return phi;
  });
  fx += intercept;
  base += intercept;
  return { method: "linear", exact: true, output, base_value: base, values, residual: Math.abs(fx - base - total), value: fx, background };
}
