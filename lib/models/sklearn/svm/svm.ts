/**
 * Kernel SVMs (SVC, NuSVC, SVR, NuSVR): libsvm's prediction from the stored support vectors,
 * `_dual_coef_`, `_intercept_`, `_n_support`, `_gamma` and Platt parameters `_probA`/`_probB`
 * (older pickles: `probA_`/`probB_`). SVC's public decision_function follows scikit-learn: binary
 * models negate libsvm's value, multiclass 'ovr' reshapes the one-vs-one values
 * (_ovr_decision_function), 'ovo' returns them as they are.
 */
import { attr, isObject, type PyValue } from "../../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, nFeaturesIn, stringAttr, toLabels, toMatrix, toNumbers } from "../arrays";
import type { ModelBackground } from "../explain/background";
import { withEnumeration } from "../explain/fallback";
import { DEFAULT_BUDGET_MS } from "../explain/sampling";
import { explainLinearOutput, type LinearCore } from "../linear-model";
import { numericRows } from "../input";
import { LoadError, type Estimator, type EstimatorEntry, type ExplainContext, type InputRow, type Label, type Loader } from "../types";
import { oneVsOne, ovrDecision, regressionValue, type KernelName, type LibsvmModel, type SparseRows } from "./libsvm";
import { pairwiseCoupling } from "./probability";

const KERNELS: readonly string[] = ["linear", "poly", "rbf", "sigmoid"];
export const MAX_SVC_CLASSES = 256;

function num(obj: PyValue, name: string, className: string): number {
  const v = toNumbers(need(obj, name, className), `${className}.${name}`);
  if (v.length !== 1 || !Number.isFinite(v[0])) throw new LoadError("malformed", `${className}.${name} must be a finite number`);
  return v[0]!;
}

function optionalNumbers(obj: PyValue, names: string[], className: string): number[] {
  for (const name of names) {
    const v = attr(obj, name);
    if (v !== undefined && v !== null) return toNumbers(v, `${className}.${name}`);
  }
  return [];
}

/** A scipy CSR matrix's rows as (column, value) lists, checked against its shape. */
function csrRows(v: PyValue, what: string): { rows: SparseRows; shape: [number, number] } {
  const shape = toNumbers(attr(v, "_shape") ?? attr(v, "shape"), `${what}._shape`);
  const data = toNumbers(attr(v, "data"), `${what}.data`);
  const indices = toNumbers(attr(v, "indices"), `${what}.indices`);
  const indptr = toNumbers(attr(v, "indptr"), `${what}.indptr`);
  const [nRows, nCols] = [shape[0]!, shape[1]!];
  if (shape.length !== 2 || indptr.length !== nRows + 1 || indices.length !== data.length || indptr[nRows] !== data.length) {
    throw new LoadError("malformed", `${what} is not a consistent CSR matrix`);
  }
  const rows: SparseRows = { indices: [], values: [] };
  for (let r = 0; r < nRows; r++) {
    const from = indptr[r]!;
    const to = indptr[r + 1]!;
    if (!(from <= to)) throw new LoadError("malformed", `${what}.indptr decreases`);
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) => indices[a]! - indices[b]!);
    const idx = Int32Array.from(order, (k) => indices[k]!);
    if (idx.some((j, k) => j < 0 || j >= nCols || (k > 0 && j === idx[k - 1]))) throw new LoadError("malformed", `${what}: column index out of range or repeated`);
    rows.indices.push(idx);
    rows.values.push(Float64Array.from(order, (k) => data[k]!));
  }
  return { rows, shape: [nRows, nCols] };
}

/** A CSR matrix as dense rows (the small dual_coef_ of a sparse fit). */
function csrDense(v: PyValue, what: string): number[][] {
  const { rows, shape } = csrRows(v, what);
  return rows.indices.map((idx, r) => {
    const out = new Array<number>(shape[1]).fill(0);
    idx.forEach((j, k) => (out[j] = rows.values[r]![k]!));
    return out;
  });
}

function readLibsvm(obj: PyValue, className: string, classification: boolean): LibsvmModel {
  const kernel = attr(obj, "kernel");
  if (typeof kernel !== "string" || !KERNELS.includes(kernel)) {
    throw new LoadError("unsupported_class", `${className} with kernel ${typeof kernel === "string" ? `'${kernel}'` : "callable"} cannot be served`);
  }
  // Fitted on sparse input: support_vectors_ and dual_coef_ are CSR matrices, evaluated as libsvm_sparse does.
  const isSparse = attr(obj, "_sparse") === true;
  const svValue = need(obj, "support_vectors_", className);
  const sparseSv = isSparse ? csrRows(svValue, `${className}.support_vectors_`) : null;
  const supportVectors = sparseSv ? [] : toMatrix(svValue, `${className}.support_vectors_`);
  const dualValue = attr(obj, "_dual_coef_") ?? need(obj, "dual_coef_", className);
  const dualCoef = isSparse && isObject(dualValue) ? csrDense(dualValue, `${className}._dual_coef_`) : toMatrix(dualValue, `${className}._dual_coef_`);
  const intercept = toNumbers(attr(obj, "_intercept_") ?? need(obj, "intercept_", className), `${className}._intercept_`);
  const nSupport = optionalNumbers(obj, ["_n_support", "n_support_"], className);
  const degree = num(obj, "degree", className);
  const m: LibsvmModel = {
    kernel: kernel as KernelName,
    gamma: num(obj, "_gamma", className),
    coef0: num(obj, "coef0", className),
    degree,
    supportVectors,
    sparse: sparseSv ? sparseSv.rows : null,
    nSv: sparseSv ? sparseSv.shape[0] : supportVectors.length,
    width: sparseSv ? sparseSv.shape[1] : (supportVectors[0]?.length ?? 0),
    dualCoef,
    intercept,
    nSupport,
  };
  const { width, nSv } = m;
  const bad = (why: string) => new LoadError("malformed", `${className}: ${why}`);
  if (supportVectors.some((r) => r.length !== width)) throw bad("support_vectors_ is ragged");
  if (!Number.isInteger(degree) || degree < 0) throw bad("degree must be a non-negative integer");
  if (dualCoef.some((r) => r.length !== nSv)) throw bad("dual_coef_ does not match support_vectors_");
  if (classification) {
    const nClass = nSupport.length;
    // Coupling probabilities costs O(k³) per row: more classes than any real SVC has are refused.
    if (nClass > MAX_SVC_CLASSES) throw new LoadError("unsupported_class", `${className} with ${nClass} classes cannot be served (at most ${MAX_SVC_CLASSES})`);
    if (nClass < 2 || nSupport.some((n) => !Number.isInteger(n) || n < 0) || nSupport.reduce((a, b) => a + b, 0) !== nSv) {
      throw bad("n_support_ does not match support_vectors_");
    }
    if (dualCoef.length !== nClass - 1 || intercept.length !== (nClass * (nClass - 1)) / 2) throw bad("dual_coef_/intercept_ do not match the classes");
  } else if (dualCoef.length !== 1 || intercept.length !== 1) throw bad("a regressor has one row of dual_coef_ and one intercept_");
  return m;
}

/** Σ dual_coef · support vector: a linear kernel's primal weights (what scikit-learn's coef_ property computes). */
function primal(m: LibsvmModel, row: number): number[] {
  const w = new Array<number>(m.width).fill(0);
  m.supportVectors.forEach((sv, i) => sv.forEach((v, j) => (w[j]! += m.dualCoef[row]![i]! * v)));
  m.sparse?.indices.forEach((idx, i) => idx.forEach((j, k) => (w[j]! += m.dualCoef[row]![i]! * m.sparse!.values[i]![k]!)));
  return w;
}

function checkWidth(obj: PyValue, m: LibsvmModel, className: string): number {
  const width = m.nSv > 0 ? m.width : (nFeaturesIn(obj) ?? 0);
  const declared = nFeaturesIn(obj);
  if (declared !== null && declared !== width && m.nSv > 0) throw new LoadError("malformed", `${className}: n_features_in_ ≠ support vector width`);
  if (width === 0) throw new LoadError("malformed", `${className}: no support vectors`);
  return width;
}

type SvmEstimator = Estimator & ModelBackground;

/** Kernel evaluations per ms, measured conservatively: enumeration gets as many rows as fit the latency budget. */
const KERNELS_PER_MS = 10_000;

const rowsWithinBudget = (m: LibsvmModel) => (ctx: ExplainContext) =>
  ((ctx.budgetMs ?? DEFAULT_BUDGET_MS) * KERNELS_PER_MS) / Math.max(1, m.nSv);

/** The support vectors stand in for training data when none was uploaded (an SVM keeps no other sample; a sparse fit's are not expanded). */
const supportBackground = (m: LibsvmModel) => () => ({ rows: m.supportVectors as InputRow[], source: "model" as const });

const loadClassifier: Loader = (obj) => {
  const className = classNameOf(obj);
  const m = readLibsvm(obj, className, true);
  const nFeatures = checkWidth(obj, m, className);
  const classes: Label[] = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const nClass = classes.length;
  if (nClass !== m.nSupport.length) throw new LoadError("malformed", `${className}: n_support_ does not match classes_`);
  const shape = stringAttr(obj, "decision_function_shape", "ovr");
  const breakTies = attr(obj, "break_ties") === true && shape === "ovr" && nClass > 2;
  const ovo = (X: InputRow[]) => numericRows(X, nFeatures).map((x) => oneVsOne(m, x));
  const decision = (X: InputRow[]) =>
    ovo(X).map(({ values }) => (nClass === 2 ? [-values[0]!] : shape === "ovr" ? ovrDecision(values, nClass) : values));
  const est: SvmEstimator = {
    className,
    kind: "classifier",
    nFeatures,
    featureNames: featureNamesIn(obj),
    classes,
    predict: (X) =>
      breakTies ? decision(X).map((d) => classes[argmax(d)]!) : ovo(X).map(({ winner }) => classes[winner]!),
    decisionFunction: decision,
    modelBackground: supportBackground(m),
  };
  const probA = optionalNumbers(obj, ["_probA", "probA_"], className);
  const probB = optionalNumbers(obj, ["_probB", "probB_"], className);
  const pairs = (nClass * (nClass - 1)) / 2;
  if (attr(obj, "probability") === true && probA.length > 0) {
    if (probA.length !== pairs || probB.length !== pairs) throw new LoadError("malformed", `${className}: probA_/probB_ do not match the classes`);
    est.predictProba = (X) => ovo(X).map(({ values }) => pairwiseCoupling(values, probA, probB, nClass));
  }
  if (m.kernel === "linear" && nClass === 2) {
    // Binary linear SVC: decision_function is the linear margin −(libsvm's value); exact linear SHAP.
    const core: LinearCore = { coef: [primal(m, 0).map((w) => -w)], intercept: [-m.intercept[0]!], nFeatures };
    est.explain = (x, ctx) => explainLinearOutput(core, x, ctx, 0, "decision_function");
    return est;
  }
  return withEnumeration(est, rowsWithinBudget(m));
};

const loadRegressor: Loader = (obj) => {
  const className = classNameOf(obj);
  const m = readLibsvm(obj, className, false);
  const nFeatures = checkWidth(obj, m, className);
  const est: SvmEstimator = {
    className,
    kind: "regressor",
    nFeatures,
    featureNames: featureNamesIn(obj),
    classes: null,
    predict: (X) => numericRows(X, nFeatures).map((x) => regressionValue(m, x)),
    modelBackground: supportBackground(m),
  };
  if (m.kernel === "linear") {
    const core: LinearCore = { coef: [primal(m, 0)], intercept: [m.intercept[0]!], nFeatures };
    est.explain = (x, ctx) => explainLinearOutput(core, x, ctx, 0, "predict");
    return est;
  }
  return withEnumeration(est, rowsWithinBudget(m));
};

/** libsvm's kernel machines; linear kernels are explained exactly as linear models, others by coalition enumeration (≤ 12 inputs). */
export const supportVectorMachines: EstimatorEntry[] = [
  { className: "sklearn.svm._classes.SVC", load: loadClassifier },
  { className: "sklearn.svm._classes.NuSVC", load: loadClassifier },
  { className: "sklearn.svm._classes.SVR", load: loadRegressor },
  { className: "sklearn.svm._classes.NuSVR", load: loadRegressor },
];
