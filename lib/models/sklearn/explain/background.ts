import type { BackgroundSource, Estimator, InputRow } from "../types";

/**
 * Estimators that carry something usable as a background when no training data was uploaded
 * (KNN: its stored training rows; GaussianNB and KMeans: the mean implied by their parameters;
 * a scaler pipeline: StandardScaler.mean_).
 */
export interface ModelBackground {
  modelBackground(): { rows: InputRow[]; source: BackgroundSource };
}

export function hasModelBackground(e: Estimator): e is Estimator & ModelBackground {
  return typeof (e as Partial<ModelBackground>).modelBackground === "function";
}
