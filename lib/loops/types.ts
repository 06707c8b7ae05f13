/**
 * The loop learner's public types. Everything here is plain, JSON-serialisable data: a loop's state
 * is stored in Postgres as JSON and must round-trip through JSON.stringify/parse bit for bit.
 */
export const FIELD_TYPES = ["string", "integer", "float", "boolean", "array", "object"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export type TaskType = "classification" | "regression";

export interface LearnerSettings {
  /** "adagrad" (default) or "sgd" (plain SGD, as in River's LinearRegression / LogisticRegression). */
  optimizer: "adagrad" | "sgd";
  learning_rate: number; // default 0.1
  intercept_learning_rate: number; // default = learning_rate
  l2: number; // default 0, on weights only
  /** Regression only: train on the standardised target (default true). */
  target_standardization: boolean;
  /** Regression only: "residual" g = m − y (default) or "twice_residual" g = 2(m − y) (River's squared loss). */
  squared_loss_gradient: "residual" | "twice_residual";
  /** One-hot categories per string field before values are hashed into buckets (default 1000). */
  category_cap: number;
  /** Buckets per field past the cap = 2^hash_bits (default 10). */
  hash_bits: number;
  /** Clip standardised numbers to ±clip; null = off (default). */
  clip: number | null;
  /** Reset the AdaGrad accumulators when ADWIN detects drift, so the step size grows again (default false). */
  reset_on_drift: boolean;
}

export interface LoopSpec {
  task_type: TaskType;
  input_schema: Record<string, FieldType>;
  output: { name: string; type: FieldType };
  settings: LearnerSettings;
}

export interface Contributor {
  feature: string;
  contribution: number;
  weight: number;
  value: unknown;
  mean?: number;
  unseen?: boolean;
  parts?: { len: { contribution: number; weight: number }; mean: { contribution: number; weight: number } };
}

export interface Explanation {
  top_contributors: Contributor[];
  baseline: number;
  margin: number;
  units: "log_odds" | "centred_logit" | "target";
  /** Sum of the contributions not listed, so baseline + Σ listed + other = margin. */
  other: number;
  status: "warming_up" | "ok";
  n_seen: number;
}

export interface Prediction {
  /** The predicted output value (class label in its original JSON type, or a number); null before any class is known. */
  value: unknown;
  /** Classification: probability per class label (labels as strings). */
  probabilities?: Record<string, number>;
  explanation: Explanation;
}

/** A per-row validation problem, e.g. { field: "rating", message: "expected integer, got string" }. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What the learner saw of one input feature (a field, or an object leaf by dotted path) before learning
 * an example: the raw material of per-field data health (docs/loops-learner.md §5.5).
 */
export interface FieldObservation {
  feature: string;
  /** "mismatch": a value of another kind than the feature's (e.g. a nested leaf changed kind); it is treated as missing. */
  presence: "present" | "missing" | "mismatch";
  /** A categorical value with no learned column yet. */
  unseen: boolean;
  /** The raw number of a present numeric (or boolean, as 0/1) feature. */
  number?: number;
}
