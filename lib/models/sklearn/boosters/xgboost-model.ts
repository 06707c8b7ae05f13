/**
 * An XGBoost booster as plain data: the model document XGBoost writes (`Booster.save_raw`, which its
 * scikit-learn wrapper pickles as `_Booster.handle`) — UBJSON from XGBoost 1.6, JSON before — read
 * into typed arrays per tree. Only the gbtree booster with numerical splits is read; anything else is
 * a LoadError naming what was found.
 *
 * Document layout (XGBoost's `doc/model.schema`): {Config, Model: {learner: {learner_model_param:
 * {base_score, num_class, num_feature}, objective: {name}, gradient_booster: {name: "gbtree", model:
 * {gbtree_model_param: {num_parallel_tree}, tree_info, trees: [{left_children, right_children,
 * split_indices, split_conditions, default_left, sum_hessian, split_type…}]}}, attributes}, version}}.
 * A leaf's value is its split_conditions entry.
 */
import { LoadError } from "../types";
import { readUbjson, UbjsonError, type UbValue } from "./ubjson";

export interface XgbTree {
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  /** float32 values: the split threshold (go left when x < it), or the leaf value at leaves. */
  condition: Float64Array;
  defaultLeft: Uint8Array;
  /** sum_hessian: TreeSHAP's cover. */
  cover: Float64Array;
}

export interface XgbModel {
  objective: string;
  /**
   * base_score as stored (in the objective's output space, e.g. a probability for binary:logistic): one
   * value, or one per output group (XGBoost ≥ 3 writes a vector, "[5E-1]").
   */
  baseScore: number[];
  numClass: number;
  numFeature: number;
  numParallelTree: number;
  trees: XgbTree[];
  /** The output group (class) each tree adds to. */
  treeInfo: Int32Array;
  /** The learner's best_iteration attribute (set by early stopping), when present. */
  bestIteration: number | null;
  version: string;
}

const malformed = (why: string) => new LoadError("malformed", `XGBoost booster: ${why}`);

function get(v: UbValue | undefined, ...path: string[]): UbValue | undefined {
  let cur = v;
  for (const key of path) cur = cur instanceof Map ? cur.get(key) : undefined;
  return cur;
}

/** Numbers XGBoost writes as strings ("5E-1") or numbers. */
function num(v: UbValue | undefined, what: string): number {
  const n = typeof v === "string" ? Number(v) : typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw malformed(`${what} is not a number`);
  return n;
}

function numbers(v: UbValue | undefined, what: string): Float64Array {
  if (v instanceof Float64Array) return v;
  if (v instanceof Int32Array || v instanceof Uint8Array) return Float64Array.from(v);
  if (Array.isArray(v)) return Float64Array.from(v, (x) => (typeof x === "boolean" ? (x ? 1 : 0) : num(x, what)));
  throw malformed(`${what} is not an array`);
}

const ints = (v: UbValue | undefined, what: string) => Int32Array.from(numbers(v, what));

/** Parses the bytes of `_Booster.handle` (UBJSON or JSON); never evaluates anything. */
export function parseXgbDocument(bytes: Uint8Array): UbValue {
  try {
    if (bytes[0] === 0x7b && bytes[1] === 0x22) {
      return JSON.parse(new TextDecoder().decode(bytes), (_k, v: unknown) =>
        v !== null && typeof v === "object" && !Array.isArray(v) ? new Map(Object.entries(v as Record<string, unknown>)) : v,
      ) as UbValue;
    }
    if (bytes[0] === 0x7b) return readUbjson(bytes);
  } catch (err) {
    if (err instanceof UbjsonError || err instanceof SyntaxError) throw malformed(err.message);
    throw err;
  }
  throw new LoadError("unsupported_class", "XGBoost booster in the pre-1.0 binary format cannot be served (re-save it with XGBoost ≥ 1.0)");
}

function readTree(t: UbValue, nFeature: number, index: number): XgbTree {
  const what = (k: string) => `trees[${index}].${k}`;
  const left = ints(get(t, "left_children"), what("left_children"));
  const n = left.length;
  const tree: XgbTree = {
    left,
    right: ints(get(t, "right_children"), what("right_children")),
    feature: ints(get(t, "split_indices"), what("split_indices")),
    condition: numbers(get(t, "split_conditions"), what("split_conditions")).map(Math.fround),
    defaultLeft: Uint8Array.from(numbers(get(t, "default_left"), what("default_left"))),
    cover: numbers(get(t, "sum_hessian"), what("sum_hessian")),
  };
  for (const [k, arr] of Object.entries(tree)) if ((arr as ArrayLike<number>).length !== n) throw malformed(`${what(k)} does not match the node count`);
  const splitType = get(t, "split_type");
  if (splitType !== undefined && numbers(splitType, what("split_type")).some((s) => s !== 0)) {
    throw new LoadError("unsupported_class", "XGBoost categorical splits cannot be served");
  }
  for (let i = 0; i < n; i++) {
    const l = tree.left[i]!;
    const r = tree.right[i]!;
    if (l === -1 && r === -1) continue;
    // Children follow their parent (XGBoost numbers nodes as it expands them): no cycles.
    if (l <= i || r <= i || l >= n || r >= n) throw malformed(`${what("node")} ${i} has children out of range`);
    if (tree.feature[i]! < 0 || tree.feature[i]! >= nFeature) throw malformed(`${what("node")} ${i} splits on feature ${tree.feature[i]} of ${nFeature}`);
  }
  return tree;
}

function baseScores(v: UbValue | undefined, groups: number): number[] {
  if (typeof v === "string" && v.trim().startsWith("[")) {
    const items = v.trim().slice(1, -1).split(",").map((s) => num(s.trim(), "base_score"));
    if (items.length !== 1 && items.length !== groups) throw malformed(`base_score has ${items.length} values for ${groups} output groups`);
    return items;
  }
  return [num(v, "base_score")];
}

export function readXgbModel(doc: UbValue): XgbModel {
  const model = get(doc, "Model") ?? doc;
  const learner = get(model, "learner");
  if (!(learner instanceof Map)) throw malformed("no learner");
  const gb = get(learner, "gradient_booster");
  const boosterName = get(gb, "name");
  if (boosterName !== "gbtree") throw new LoadError("unsupported_class", `XGBoost booster ${JSON.stringify(String(boosterName)).slice(0, 40)} cannot be served (gbtree only)`);
  const param = get(learner, "learner_model_param");
  const numFeature = num(get(param, "num_feature"), "num_feature");
  const treesValue = get(gb, "model", "trees");
  if (!Array.isArray(treesValue) || treesValue.length === 0) throw malformed("no trees");
  const treeInfo = ints(get(gb, "model", "tree_info"), "tree_info");
  if (treeInfo.length !== treesValue.length) throw malformed("tree_info does not match the trees");
  const numClass = num(get(param, "num_class") ?? "0", "num_class");
  const groups = Math.max(1, numClass);
  if (treeInfo.some((g) => g < 0 || g >= groups)) throw malformed("tree_info names a group out of range");
  const objective = get(learner, "objective", "name");
  const best = get(learner, "attributes", "best_iteration");
  const version = get(model, "version");
  return {
    objective: typeof objective === "string" ? objective : "",
    baseScore: baseScores(get(param, "base_score"), groups),
    numClass,
    numFeature,
    numParallelTree: num(get(gb, "model", "gbtree_model_param", "num_parallel_tree") ?? "1", "num_parallel_tree"),
    trees: treesValue.map((t, i) => readTree(t, numFeature, i)),
    treeInfo,
    bestIteration: best === undefined ? null : num(best, "best_iteration"),
    version: Array.isArray(version) || ArrayBuffer.isView(version) ? Array.from(version as ArrayLike<number>).join(".") : "",
  };
}
