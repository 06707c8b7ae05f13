/**
 * A LightGBM model as plain data: the model text LightGBM writes (`Booster.model_to_string`, which its
 * scikit-learn wrapper pickles as `_Booster.handle`), read line by line into typed arrays per tree.
 * Only numerical splits of non-linear trees are read; anything else is a LoadError naming it.
 *
 * Layout (LightGBM's gbdt_model_text.cpp): a header of key=value lines (num_class,
 * num_tree_per_iteration, max_feature_idx, objective, feature_names…), then one block per tree
 * starting "Tree=<i>" with num_leaves, split_feature, threshold, decision_type, left_child,
 * right_child (a negative child ~c is leaf c), leaf_value, internal_count, leaf_count…
 */
import { LoadError } from "../types";

export interface LgbTree {
  numLeaves: number;
  /** Internal nodes: numLeaves − 1 entries each. */
  feature: Int32Array;
  threshold: Float64Array;
  decisionType: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  leafValue: Float64Array;
  internalCount: Float64Array;
  leafCount: Float64Array;
}

export interface LgbModel {
  numClass: number;
  treesPerIteration: number;
  numFeatures: number;
  /** "binary", "multiclass", "regression"…, and its parameters ("sigmoid" → "1"). */
  objective: string;
  objectiveParams: Map<string, string>;
  featureNames: string[];
  trees: LgbTree[];
}

const MAX_TEXT = 256 * 1024 * 1024;
const malformed = (why: string) => new LoadError("malformed", `LightGBM model: ${why}`);

function keyValues(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) out.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return out;
}

function numbers(kv: Map<string, string>, key: string, n: number, what: string): Float64Array {
  const text = kv.get(key) ?? "";
  const parts = text === "" ? [] : text.split(/\s+/);
  if (parts.length !== n) throw malformed(`${what}: ${key} has ${parts.length} values, expected ${n}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = Number(parts[i]);
    if (Number.isNaN(v) && !/^nan$/i.test(parts[i]!)) throw malformed(`${what}: ${key} holds a non-number`);
    out[i] = v;
  }
  return out;
}

function readTree(block: string, nFeatures: number, index: number): LgbTree {
  const what = `Tree=${index}`;
  const kv = keyValues(block);
  const numLeaves = Number(kv.get("num_leaves"));
  if (!Number.isInteger(numLeaves) || numLeaves < 1) throw malformed(`${what}: bad num_leaves`);
  if (Number(kv.get("num_cat") ?? 0) > 0) throw new LoadError("unsupported_class", "LightGBM categorical splits cannot be served");
  if (Number(kv.get("is_linear") ?? 0) !== 0) throw new LoadError("unsupported_class", "LightGBM linear trees cannot be served");
  const m = numLeaves - 1;
  const tree: LgbTree = {
    numLeaves,
    feature: Int32Array.from(numbers(kv, "split_feature", m, what)),
    threshold: numbers(kv, "threshold", m, what),
    decisionType: Uint8Array.from(numbers(kv, "decision_type", m, what)),
    left: Int32Array.from(numbers(kv, "left_child", m, what)),
    right: Int32Array.from(numbers(kv, "right_child", m, what)),
    leafValue: numbers(kv, "leaf_value", numLeaves, what),
    internalCount: m > 0 && kv.has("internal_count") ? numbers(kv, "internal_count", m, what) : new Float64Array(m),
    leafCount: kv.has("leaf_count") ? numbers(kv, "leaf_count", numLeaves, what) : new Float64Array(numLeaves),
  };
  for (let i = 0; i < m; i++) {
    if ((tree.decisionType[i]! & 1) !== 0) throw new LoadError("unsupported_class", "LightGBM categorical splits cannot be served");
    if (tree.feature[i]! < 0 || tree.feature[i]! >= nFeatures) throw malformed(`${what}: node ${i} splits on feature ${tree.feature[i]} of ${nFeatures}`);
    for (const c of [tree.left[i]!, tree.right[i]!]) {
      // An internal child comes after its parent (LightGBM numbers splits in order): no cycles.
      if (c >= 0 ? c <= i || c >= m : ~c >= numLeaves) throw malformed(`${what}: node ${i} has a child out of range`);
    }
  }
  return tree;
}

export function readLgbModel(text: string): LgbModel {
  if (text.length > MAX_TEXT) throw malformed("the model text is too long");
  if (!text.startsWith("tree\n") && !text.startsWith("tree\r\n")) throw malformed("the booster does not hold LightGBM model text");
  const normalised = text.replace(/\r\n/g, "\n");
  const end = normalised.indexOf("\nend of trees");
  const body = end >= 0 ? normalised.slice(0, end) : normalised;
  const [header, ...blocks] = body.split("\nTree=");
  const kv = keyValues(header!);
  const numFeatures = Number(kv.get("max_feature_idx")) + 1;
  if (!Number.isInteger(numFeatures) || numFeatures < 1) throw malformed("bad max_feature_idx");
  const [objective = "regression", ...params] = (kv.get("objective") ?? "regression").split(/\s+/);
  const trees = blocks.map((b, i) => readTree(b, numFeatures, i));
  const treesPerIteration = Number(kv.get("num_tree_per_iteration") ?? 1);
  if (trees.length === 0 || !Number.isInteger(treesPerIteration) || treesPerIteration < 1 || trees.length % treesPerIteration !== 0) {
    throw malformed("the trees do not fill whole iterations");
  }
  return {
    numClass: Number(kv.get("num_class") ?? 1),
    treesPerIteration,
    numFeatures,
    objective,
    objectiveParams: new Map(params.filter((p) => p.includes(":")).map((p) => [p.slice(0, p.indexOf(":")), p.slice(p.indexOf(":") + 1)])),
    featureNames: (kv.get("feature_names") ?? "").split(/\s+/).filter(Boolean),
    trees,
  };
}

/** NumericalDecision of LightGBM's tree.h: missing types None (NaN → 0), Zero, NaN; the default-left bit. */
export function lgbLeaf(t: LgbTree, x: ArrayLike<number>): number {
  if (t.numLeaves === 1) return 0;
  let node = 0;
  while (node >= 0) {
    const d = t.decisionType[node]!;
    let v = x[t.feature[node]!]!;
    const missingType = (d >> 2) & 3;
    if (v !== v && missingType !== 2) v = 0;
    if ((missingType === 1 && Math.abs(v) <= 1e-35) || (missingType === 2 && v !== v)) node = d & 2 ? t.left[node]! : t.right[node]!;
    else node = v <= t.threshold[node]! ? t.left[node]! : t.right[node]!;
  }
  return ~node;
}
