/** Shared pieces of the meta-estimators: their fitted members, loaded through the registry, and their explainer. */
import { isList, isTuple, type PyValue } from "../../pickle/values";
import { need, toNumbers } from "../arrays";
import { LoadError, type Estimator, type LoaderContext } from "../types";

/** A list attribute of fitted estimators ('drop' entries skipped), each loaded as a servable estimator. */
export function loadMembers(obj: PyValue, name: string, className: string, ctx: LoaderContext): Estimator[] {
  const list = need(obj, name, className);
  if (!isList(list) && !isTuple(list)) throw new LoadError("malformed", `${className}.${name} must be a list of estimators`);
  const members = list.filter((e) => e !== "drop").map((e) => ctx.load(e));
  if (members.length === 0) throw new LoadError("malformed", `${className}.${name} is empty`);
  return members;
}

/** Every member takes the same input width; the meta-estimator's is theirs. */
export function commonWidth(members: readonly Estimator[], className: string): number {
  const n = members[0]!.nFeatures;
  if (members.some((m) => m.nFeatures !== n)) throw new LoadError("malformed", `${className}: members disagree on the number of inputs`);
  return n;
}

/** A numeric vector attribute with the expected length. */
export function vector(obj: PyValue, name: string, className: string, length: number): number[] {
  const v = toNumbers(need(obj, name, className), `${className}.${name}`);
  if (v.length < length) throw new LoadError("malformed", `${className}.${name} has ${v.length} values for ${length} members`);
  return v;
}

/** Meta-estimators have no closed form: exact coalition enumeration with few inputs, otherwise the caller samples. */
export { withEnumeration } from "../explain/fallback";

/** Class index of an encoded member label (members of Voting/Bagging/Stacking were fitted on 0 … k−1). */
export function encodedIndex(label: unknown, nClasses: number, className: string): number {
  const k = Number(label);
  if (!Number.isInteger(k) || k < 0 || k >= nClasses) throw new LoadError("malformed", `${className}: a member predicts ${String(label)}, not a class index`);
  return k;
}

export const columns = (X: readonly (readonly unknown[])[], idx: readonly number[]) => X.map((r) => idx.map((j) => r[j]));
