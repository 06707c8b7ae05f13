/** HistGradientBoosting TreePredictor (docs/sklearn-pickles.md §6.2) → FlatTree, routing on raw thresholds. */
import { isDict, isObject, type PyValue } from "../../pickle/values";
import { LoadError } from "../types";
import { finishTree, type FlatTree } from "./flat-tree";
import { field, hasField, structArray } from "./struct-fields";

const PREDICTOR = "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor";

export function readPredictor(v: PyValue | undefined, nFeatures: number, what: string): FlatTree {
  if (!isObject(v) || v.$class !== PREDICTOR || !isDict(v.state)) throw new LoadError("malformed", `${what}: TreePredictor expected`);
  const nodes = structArray(v.state.get("nodes"), `${what} nodes`);
  const n = nodes.rows;
  const value = field(nodes, "value", what);
  const count = field(nodes, "count", what);
  const feature = field(nodes, "feature_idx", what);
  // Layouts by version (§13): `threshold` until 0.23, then `num_threshold`; `missing_go_to_left`
  // from 0.22 (before it NaN was not accepted: no node sends it left); `is_categorical` from 0.24.
  const threshold = field(nodes, hasField(nodes, "num_threshold") ? "num_threshold" : "threshold", what);
  const zero = () => 0;
  const missingLeft = hasField(nodes, "missing_go_to_left") ? field(nodes, "missing_go_to_left", what) : zero;
  const left = field(nodes, "left", what);
  const right = field(nodes, "right", what);
  const isLeaf = field(nodes, "is_leaf", what);
  const isCategorical = hasField(nodes, "is_categorical") ? field(nodes, "is_categorical", what) : zero;

  const t = {
    nodeCount: n,
    nOut: 1,
    left: new Int32Array(n),
    right: new Int32Array(n),
    feature: new Int32Array(n),
    threshold: new Float64Array(n),
    missingLeft: new Uint8Array(n),
    cover: new Float64Array(n),
    value: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const leaf = isLeaf(i) !== 0;
    if (!leaf && isCategorical(i) !== 0) {
      // Bitset routing (raw_left_cat_bitsets) is not implemented: refuse rather than route wrongly.
      throw new LoadError("unsupported_class", `${what}: categorical splits are not supported yet`);
    }
    t.left[i] = leaf ? -1 : Math.min(left(i), 0x7fffffff);
    t.right[i] = leaf ? -1 : Math.min(right(i), 0x7fffffff);
    t.feature[i] = leaf ? -1 : Math.min(feature(i), 0x7fffffff);
    t.threshold[i] = threshold(i);
    t.missingLeft[i] = missingLeft(i) !== 0 ? 1 : 0;
    // The node's training sample count: TreeSHAP's cover for HistGradientBoosting (docs/sklearn-pickles.md §10).
    t.cover[i] = count(i);
    t.value[i] = value(i);
  }
  return finishTree(t, nFeatures, what);
}
