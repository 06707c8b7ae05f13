/**
 * FunctionTransformer whose func is a numpy ufunc applied element-wise (np.log1p, np.exp, np.sqrt …),
 * or None (identity). Any other func, or kw_args, is stored with the model but not served: its code
 * would have to run.
 */
import { attr, isGlobalRef, type PyValue } from "../pickle/values";
import { classNameOf } from "./arrays";
import { columnwise, requiredWidth } from "./step-helpers";
import type { Transformer } from "./transformer";
import { LoadError, type PipelineStepEntry } from "./types";

const UFUNC_MODULE = "numpy.core._multiarray_umath";
/** Where numpy before 1.16 pickled its ufuncs. */
const OLD_UFUNC_MODULE = "numpy.core.umath";

/** The ufuncs served, by name; the reader admits exactly these as values (../pickle/whitelist.ts). */
export const UFUNCS: Readonly<Record<string, (x: number) => number>> = {
  log1p: Math.log1p,
  expm1: Math.expm1,
  exp: Math.exp,
  exp2: (x) => 2 ** x,
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  square: (x) => x * x,
  absolute: Math.abs,
  negative: (x) => -x,
  reciprocal: (x) => 1 / x,
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : x),
  tanh: Math.tanh,
  arcsinh: Math.asinh,
};

/** The dotted names numpy pickles the served ufuncs under. */
export const ufuncGlobalNames = (): string[] => Object.keys(UFUNCS).flatMap((n) => [`${UFUNC_MODULE}.${n}`, `${OLD_UFUNC_MODULE}.${n}`]);

function loadFunctionTransformer(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const n = requiredWidth(obj, className);
  const kw = attr(obj, "kw_args");
  if (kw !== undefined && kw !== null && !(kw instanceof Map && kw.size === 0)) throw new LoadError("unsupported_class", `${className} with kw_args cannot be served`);
  const func = attr(obj, "func");
  if (func === undefined || func === null) return columnwise(className, n, (x) => x, null);
  const ref = isGlobalRef(func) ? func.name : "";
  const prefix = [UFUNC_MODULE, OLD_UFUNC_MODULE].map((m) => `${m}.`).find((p) => ref.startsWith(p));
  const name = prefix ? ref.slice(prefix.length) : null;
  const f = name !== null && Object.hasOwn(UFUNCS, name) ? UFUNCS[name] : undefined;
  if (!f) throw new LoadError("unsupported_class", `${className} is served only with a numpy ufunc (${Object.keys(UFUNCS).join(", ")})`);
  return columnwise(className, n, f, null);
}

export const functionTransformers: PipelineStepEntry[] = [
  { className: "sklearn.preprocessing._function_transformer.FunctionTransformer", load: loadFunctionTransformer },
];
