import { isObject, type PyValue } from "../pickle";
import { linearFamilyLoaders } from "./loaders-linear";
import { treeFamilyLoaders } from "./loaders-trees";
import { LoadError, type Estimator, type LoadResult, type Loader, type LoaderContext } from "./types";
import { unverifiedVersionReason } from "./version-gate";

export * from "./types";
export { VERIFIED_SKLEARN } from "./version-gate";

const LOADERS: Record<string, Loader> = { ...linearFamilyLoaders, ...treeFamilyLoaders };

export function isLoadable(className: string): boolean {
  return className in LOADERS;
}

/**
 * Turns the safe reader's value into a servable estimator, or says clearly why not
 * (a class without a loader, a scikit-learn version whose layout is not verified, a malformed state).
 */
export function loadEstimator(top: PyValue, sklearnVersion: string | null): LoadResult {
  const unverified = unverifiedVersionReason(sklearnVersion);
  if (unverified) return { ok: false, code: "unsupported_version", message: unverified };
  const ctx: LoaderContext = {
    sklearnVersion,
    load(obj) {
      if (!isObject(obj)) throw new LoadError("malformed", "expected an estimator object");
      const loader = LOADERS[obj.$class];
      if (!loader) throw new LoadError("unsupported_class", `${obj.$class} cannot be served`);
      return loader(obj, ctx);
    },
  };
  try {
    const estimator: Estimator = ctx.load(top);
    return { ok: true, estimator };
  } catch (err) {
    if (err instanceof LoadError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: "malformed", message: `malformed estimator: ${(err as Error).message}` };
  }
}
