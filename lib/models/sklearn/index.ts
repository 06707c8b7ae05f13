import { isObject, printable, type PyValue } from "../pickle/values";
import { findEstimator, findPipelineStep } from "./registry";
import { LoadError, type Estimator, type LoadResult, type LoaderContext } from "./types";

export * from "./types";

const short = (className: string) => className.slice(className.lastIndexOf(".") + 1);
/** Loaders quote the file's strings (a loss name…): shown escaped and bounded. */
const shown = (message: string) => printable(message.length > 500 ? `${message.slice(0, 500)}…` : message);

/** Loads estimators and pipeline steps, nested ones too, with the loader the registry lists for their class. */
export function registryContext(sklearnVersion: string | null): LoaderContext {
  const ctx: LoaderContext = {
    sklearnVersion,
    load(obj) {
      if (!isObject(obj)) throw new LoadError("malformed", "expected an estimator object");
      const entry = findEstimator(obj.$class);
      if (!entry) throw new LoadError("unsupported_class", `${short(obj.$class)} is not servable yet`);
      return entry.load(obj, ctx);
    },
    loadStep(obj) {
      if (!isObject(obj)) throw new LoadError("malformed", "expected an estimator object");
      const entry = findPipelineStep(obj.$class);
      if (!entry) throw new LoadError("unsupported_class", `${short(obj.$class)} is not servable yet as a pipeline step`);
      return entry.load(obj, ctx);
    },
  };
  return ctx;
}

/** "Pipeline, scikit-learn 0.23.2": what the reader found, for reasons. */
export function foundWhat(className: string | null, sklearnVersion: string | null): string {
  const version = sklearnVersion ? `scikit-learn ${printable(sklearnVersion.slice(0, 40))}` : "no scikit-learn version recorded";
  return className ? `${printable(short(className))}, ${version}` : version;
}

/**
 * Turns the safe reader's value into a servable estimator, or says clearly why not (a class without
 * a loader, a layout it does not recognise, a malformed state), naming the class and scikit-learn
 * version found. Serving depends on the layout, never on the version string (docs/sklearn-pickles.md §13).
 * The verdict stored with an upload (../estimator.ts) and deployment (../deployments/model-cache.ts)
 * both come from this one function.
 */
export function loadEstimator(top: PyValue, sklearnVersion: string | null): LoadResult {
  const found = foundWhat(isObject(top) ? top.$class : null, sklearnVersion);
  try {
    if (!isObject(top)) return { ok: false, code: "unsupported_class", message: `the file does not hold an estimator object (${found})` };
    const estimator: Estimator = registryContext(sklearnVersion).load(top);
    return { ok: true, estimator };
  } catch (err) {
    if (err instanceof LoadError) return { ok: false, code: err.code, message: `${shown(err.message)} (${found})` };
    return { ok: false, code: "malformed", message: `malformed estimator: ${shown((err as Error).message)} (${found})` };
  }
}
