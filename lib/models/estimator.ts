import type { EstimatorInfo } from "@/db/schema/models";
import { attr, isList, isNdArray, isObject, isTuple, readModelFile, type PyValue } from "./pickle";
import { registryContext, type Estimator } from "./sklearn";
import { isServableClass } from "./sklearn/registry";

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

/** The estimator as deployment would load it, or null when it cannot be (the verdict reports why). */
function loadedOrNull(top: PyValue, version: string | null): Estimator | null {
  if (!isObject(top) || !isServableClass(top.$class)) return null;
  try {
    return registryContext(version).load(top);
  } catch {
    return null;
  }
}

/** The pipeline's steps as [name, estimator] pairs. */
function steps(obj: PyValue): PyValue[] {
  const s = attr(obj, "steps");
  if (!isList(s) && !isTuple(s)) return [];
  return s.map((step) => ((isList(step) || isTuple(step)) && step.length >= 2 ? step[1]! : null));
}

/**
 * Why a model file's top-level object cannot be served, or null. The estimator registry decides, so a
 * file is shown servable exactly when deployment has a loader for its class; a file that is not is
 * still stored, with this reason. (Deployment also checks the scikit-learn version: version-gate.ts.)
 */
export function notServableReason(top: PyValue, className: string | null): string | null {
  if (!isObject(top)) return "the file does not hold an estimator object";
  if (!className || !isServableClass(className)) return `unsupported estimator class ${className ?? "(none)"}`;
  return null;
}

/**
 * Reads an uploaded model file with the safe reader (never executes anything) and describes its
 * estimator: class, sklearn version, n_features_in_, classes_, feature_names_in_, servable or why not.
 */
export function recogniseModelFile(bytes: Uint8Array): Recognised {
  const read = readModelFile(bytes);
  if (!read.ok) {
    const prefix = read.error.code === "refused_global" || read.error.code === "refused_opcode" ? "refused" : read.error.code;
    const message = read.error.message.startsWith("refused") ? read.error.message : `${prefix}: ${read.error.message}`;
    return { ok: false, code: read.error.code, message };
  }
  const top = read.value;
  const className = read.className ?? null;
  const pipelineSteps = className === "sklearn.pipeline.Pipeline" ? steps(top) : [];
  const first = pipelineSteps[0] ?? top;
  const last = pipelineSteps[pipelineSteps.length - 1] ?? top;
  // Meta-estimators and selectors keep these as properties of what they wrap: the loaded estimator knows them.
  let cached: Estimator | null | undefined;
  const loaded = () => (cached === undefined ? (cached = loadedOrNull(top, read.sklearnVersion ?? null)) : cached);
  const nFeatures = integer(attr(top, "n_features_in_")) ?? integer(attr(first, "n_features_in_")) ?? loaded()?.nFeatures ?? null;
  const featureNames = plainList(attr(top, "feature_names_in_") ?? attr(first, "feature_names_in_"));
  const classes = plainList(attr(top, "classes_") ?? attr(last, "classes_")) ?? loaded()?.classes ?? null;

  const reason = notServableReason(top, className);
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
