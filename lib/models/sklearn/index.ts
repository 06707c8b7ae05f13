import { isObject, type PyValue } from "../pickle/values";
import { findEstimator, findPipelineStep } from "./registry";
import { LoadError, type Estimator, type LoadResult, type LoaderContext } from "./types";
import { unverifiedVersionReason } from "./version-gate";

export * from "./types";
export { VERIFIED_SKLEARN } from "./version-gate";

/** Loads estimators and pipeline steps, nested ones too, with the loader the registry lists for their class. */
export function registryContext(sklearnVersion: string | null): LoaderContext {
  const ctx: LoaderContext = {
    sklearnVersion,
    load(obj) {
      if (!isObject(obj)) throw new LoadError("malformed", "expected an estimator object");
      const entry = findEstimator(obj.$class);
      if (!entry) throw new LoadError("unsupported_class", `${obj.$class} cannot be served`);
      return entry.load(obj, ctx);
    },
    loadStep(obj) {
      if (!isObject(obj)) throw new LoadError("malformed", "expected an estimator object");
      const entry = findPipelineStep(obj.$class);
      if (!entry) throw new LoadError("unsupported_class", `${obj.$class} cannot be served as a pipeline step`);
      return entry.load(obj, ctx);
    },
  };
  return ctx;
}

/**
 * Turns the safe reader's value into a servable estimator, or says clearly why not
 * (a class without a loader, a scikit-learn version whose layout is not verified, a malformed state).
 */
export function loadEstimator(top: PyValue, sklearnVersion: string | null): LoadResult {
  const unverified = unverifiedVersionReason(sklearnVersion);
  if (unverified) return { ok: false, code: "unsupported_version", message: unverified };
  try {
    const estimator: Estimator = registryContext(sklearnVersion).load(top);
    return { ok: true, estimator };
  } catch (err) {
    if (err instanceof LoadError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: "malformed", message: `malformed estimator: ${(err as Error).message}` };
  }
}
