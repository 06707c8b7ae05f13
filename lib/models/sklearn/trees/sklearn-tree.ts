/** sklearn.tree._tree.Tree (docs/sklearn-pickles.md §6.1) → FlatTree. */
import { isDict, isList, isNdArray, isObject, isTuple, type PyValue } from "../../pickle/values";
import { toNumbers } from "../arrays";
import { LoadError } from "../types";
import { finishTree, type FlatTree } from "./flat-tree";
import { numpySum } from "./numeric";
import { field, hasField, structArray } from "./struct-fields";

export interface TreeShape {
  nFeatures: number;
  /** Classifier trees keep one value per class, normalised to probabilities. */
  classifier: boolean;
  /** Expected number of classes (classifiers), checked against the tree. */
  nClasses?: number;
}

const malformed = (msg: string) => new LoadError("malformed", msg);

/** The `tree_` of a fitted DecisionTree or ExtraTree estimator object. */
export function readEstimatorTree(est: PyValue, shape: TreeShape, what: string): FlatTree {
  if (!isObject(est) || !isDict(est.state)) throw malformed(`${what}: estimator object expected`);
  return readSklearnTree(est.state.get("tree_"), shape, what);
}

export function readSklearnTree(obj: PyValue | undefined, shape: TreeShape, what: string): FlatTree {
  if (!isObject(obj) || obj.$class !== "sklearn.tree._tree.Tree") throw malformed(`${what}: tree_ is not a Tree`);
  const args = obj.args;
  if (args.length !== 3) throw malformed(`${what}: Tree(n_features, n_classes, n_outputs) expected`);
  const nOutputs = Number(args[2]);
  if (nOutputs !== 1) {
    throw new LoadError("unsupported_class", `${what}: multi-output trees (n_outputs=${String(args[2])}) cannot be served`);
  }
  if (Number(args[0]) !== shape.nFeatures) throw malformed(`${what}: tree has ${String(args[0])} features, model ${shape.nFeatures}`);
  const nClasses = toNumbers(args[1] as PyValue, `${what} n_classes`)[0] ?? NaN;
  if (shape.classifier && shape.nClasses !== undefined && nClasses !== shape.nClasses) {
    throw malformed(`${what}: tree has ${nClasses} classes, model ${shape.nClasses}`);
  }
  if (!shape.classifier && nClasses !== 1) throw malformed(`${what}: regression tree with n_classes ${nClasses}`);

  const state = obj.state;
  if (!isDict(state)) throw malformed(`${what}: Tree state is not a dict`);
  const nodes = structArray(state.get("nodes"), `${what} nodes`);
  const n = nodes.rows;
  if (Number(state.get("node_count")) !== n) throw malformed(`${what}: node_count does not match nodes`);

  const left = field(nodes, "left_child", what);
  const right = field(nodes, "right_child", what);
  const feature = field(nodes, "feature", what);
  const threshold = field(nodes, "threshold", what);
  const weighted = field(nodes, "weighted_n_node_samples", what);
  // 1.3+ routes NaN by this field; 1.2 trees never see NaN (inputs with NaN are refused).
  const missing = hasField(nodes, "missing_go_to_left") ? field(nodes, "missing_go_to_left", what) : null;

  const nOut = shape.classifier ? nClasses : 1;
  const t = {
    nodeCount: n,
    nOut,
    left: new Int32Array(n),
    right: new Int32Array(n),
    feature: new Int32Array(n),
    threshold: new Float64Array(n),
    missingLeft: new Uint8Array(n),
    cover: new Float64Array(n),
    value: nodeValues(state.get("values"), n, nOut, shape.classifier, what),
  };
  for (let i = 0; i < n; i++) {
    t.left[i] = clampIndex(left(i));
    t.right[i] = clampIndex(right(i));
    t.feature[i] = clampIndex(feature(i));
    t.threshold[i] = threshold(i);
    t.missingLeft[i] = missing ? missing(i) : 0;
    t.cover[i] = weighted(i);
  }
  return finishTree(t, shape.nFeatures, what);
}

/** int64 indices outside int32 are invalid anyway; map them to a value finishTree rejects. */
function clampIndex(v: number): number {
  return v >= -2 && v < 0x7fffffff ? v : 0x7fffffff;
}

/**
 * `values` is (node_count, n_outputs, max_n_classes) float64. Classifier rows are weighted class
 * counts (fractions from 1.4.1): normalised the way predict_proba does, a zero sum left as is.
 */
function nodeValues(v: PyValue | undefined, n: number, k: number, classifier: boolean, what: string): Float64Array {
  if (!isNdArray(v) || v.shape.length !== 3 || v.shape[0] !== n || v.shape[1] !== 1) {
    throw malformed(`${what}: values must have shape (node_count, 1, n_classes)`);
  }
  if (v.shape[2] !== k) throw malformed(`${what}: values has ${v.shape[2]} columns, expected ${k}`);
  const flat = v.data instanceof Float64Array && !v.fortran ? v.data : Float64Array.from(toNumbers(v, `${what} values`));
  if (flat.length !== n * k) throw malformed(`${what}: values size mismatch`);
  const out = new Float64Array(flat);
  if (classifier) {
    for (let i = 0; i < n; i++) {
      const s = numpySum(out, i * k, k);
      const norm = s === 0 ? 1 : s;
      for (let j = 0; j < k; j++) out[i * k + j]! /= norm;
    }
  }
  return out;
}

/** A list/tuple/object array of estimator objects, flattened in C order. */
export function estimatorList(v: PyValue | undefined, what: string): PyValue[] {
  if (isList(v) || isTuple(v)) return v.slice();
  if (isNdArray(v) && v.dtype.kind === "O" && Array.isArray(v.data)) {
    if (!v.fortran || v.shape.length < 2) return (v.data as PyValue[]).slice();
    const [rows = 0, cols = 0] = v.shape;
    const data = v.data as PyValue[];
    const out: PyValue[] = [];
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push(data[c * rows + r]!);
    return out;
  }
  throw malformed(`${what}: list of estimators expected`);
}
