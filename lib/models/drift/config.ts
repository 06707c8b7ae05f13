import { DEFAULT_ALPHA } from "./compare";

// Drift monitoring settings (environment, read at each check). See README "Retraining and drift".

function numberFrom(name: string, fallback: number, valid: (n: number) => boolean): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && valid(value) ? value : fallback;
}

/** How many of the deployment's most recent input rows form the window (default 500). */
export function driftWindowSize(): number {
  return Math.floor(numberFrom("CRUCIBLE_DRIFT_WINDOW", 500, (n) => n >= 30 && n <= 10_000));
}

/** Family-wise significance level of one check, Bonferroni across features (default 0.01). */
export function driftAlpha(): number {
  return numberFrom("CRUCIBLE_DRIFT_ALPHA", DEFAULT_ALPHA, (n) => n > 0 && n < 1);
}

/** pg-boss cron of the scheduled checks (default every 10 minutes). */
export function driftSchedule(): string {
  return process.env.CRUCIBLE_DRIFT_SCHEDULE || "*/10 * * * *";
}

export const DRIFT_METHOD_NAMES = { 0: "mean shift (Welch t-test)", 1: "MMD, RBF kernel (permutation test)", 2: "Kolmogorov–Smirnov" } as const;
