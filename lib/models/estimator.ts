import type { EstimatorInfo } from "@/db/schema/models";
import { attr, isList, isNdArray, isObject, isTuple, readModelFile, type PickleErrorCode, type PyValue } from "./pickle";
import { foundWhat, loadEstimator } from "./sklearn";

export type Recognised = { ok: true; estimator: EstimatorInfo } | { ok: false; code: string; message: string };

const MAX_LISTED = 10_000;

function plainList(v: PyValue | undefined): (string | number | boolean)[] | null {
  let items: unknown[] | null = null;
  if (isNdArray(v)) items = Array.from(v.data as ArrayLike<unknown>);
  else if (isList(v) || isTuple(v)) items = v;
  if (!items || items.length > MAX_LISTED) return null;
  const out: (string | number | boolean)[] = [];
  for (const item of items) {
    if (typeof item === "bigint") out.push(Number(item));
    else if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") out.push(item);
    else return null;
  }
  return out;
}

function integer(v: PyValue | undefined): number | null {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "bigint") return Number(v);
  return null;
}

/** The pipeline's steps as [name, estimator] pairs. */
function steps(obj: PyValue): PyValue[] {
  const s = attr(obj, "steps");
  if (!isList(s) && !isTuple(s)) return [];
  return s.map((step) => ((isList(step) || isTuple(step)) && step.length >= 2 ? step[1]! : null));
}

/**
 * Why a model file's top-level object cannot be served, or null: deployment's own loader decides
 * (loadEstimator), so a file is shown servable exactly when a deployment of it will load. A file that
 * is not servable is still stored, with this reason.
 */
export function notServableReason(top: PyValue, sklearnVersion: string | null): string | null {
  const loaded = loadEstimator(top, sklearnVersion);
  return loaded.ok ? null : loaded.message;
}

/**
 * What a refusal says first, by the reader's error code: cut short, corrupted, too big. Hostile files
 * ("refused: posix.system (…)") and files that are not pickles ("not a pickle or joblib file: …") say it themselves.
 */
const READ_FAILURE: Record<PickleErrorCode, string> = {
  refused_global: "",
  refused_opcode: "",
  not_pickle: "",
  truncated: "the file is truncated (it ends early; was the upload or download cut short?)",
  malformed: "the file is corrupted (not a valid pickle / joblib stream)",
  too_large: "the file is too large to read safely",
  unsupported: "the file uses a format the reader does not support",
  internal_error: "the file could not be read (reader error)",
};

/** The refusal message for a file the reader could not read, naming the class and version it had found. */
export function readFailureMessage(code: PickleErrorCode, message: string, className?: string, sklearnVersion?: string): string {
  const head = READ_FAILURE[code];
  const found = className || sklearnVersion ? ` (found: ${foundWhat(className ?? null, sklearnVersion ?? null)})` : "";
  return head ? `${head}: ${message}${found}` : `${message}${found}`;
}

/**
 * Reads an uploaded model file with the safe reader (never executes anything) and describes its
 * estimator: class, sklearn version, n_features_in_, classes_, feature_names_in_, servable or why not.
 */
export function recogniseModelFile(bytes: Uint8Array): Recognised {
  const read = readModelFile(bytes);
  // Only a stream read to its end is known not to be hostile: anything the reader could not read
  // through (even a valid but unsupported format) is refused, never stored unchecked.
  if (!read.ok) return { ok: false, code: read.error.code, message: readFailureMessage(read.error.code, read.error.message, read.className, read.sklearnVersion) };
  const top = read.value;
  const className = read.className ?? null;
  const pipelineSteps = className === "sklearn.pipeline.Pipeline" ? steps(top) : [];
  const first = pipelineSteps[0] ?? top;
  const last = pipelineSteps[pipelineSteps.length - 1] ?? top;
  // Deployment's own loader gives the verdict; meta-estimators and selectors keep the width and the
  // classes as properties of what they wrap, which the loaded estimator knows.
  const load = loadEstimator(top, read.sklearnVersion ?? null);
  const loaded = load.ok ? load.estimator : null;
  // Before 0.24 trees, forests and boosting recorded the width as n_features_.
  const width = (o: PyValue) => integer(attr(o, "n_features_in_")) ?? integer(attr(o, "n_features_"));
  const nFeatures = width(top) ?? width(first) ?? loaded?.nFeatures ?? null;
  const featureNames = plainList(attr(top, "feature_names_in_") ?? attr(first, "feature_names_in_"));
  const classes = plainList(attr(top, "classes_") ?? attr(last, "classes_")) ?? loaded?.classes ?? null;

  const reason = load.ok ? null : load.message;
  return {
    ok: true,
    estimator: {
      class: className,
      sklearn_version: read.sklearnVersion ?? null,
      format: read.format,
      protocol: read.protocol,
      n_features: nFeatures,
      classes,
      feature_names: featureNames && featureNames.every((f) => typeof f === "string") ? (featureNames as string[]) : null,
      servable: reason === null,
      reason,
    },
  };
}
