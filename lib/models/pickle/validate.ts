/**
 * Post-parse check of the value graph, iteratively (no recursion): refuses cycles and values nested
 * deeper than maxDepth, so consumers can walk the result recursively without blowing the stack.
 */
import { PickleError, tooLarge } from "./errors";
import { type PyValue, isDict, isNdArray, isObject, isSet } from "./values";

function children(v: PyValue): PyValue[] | null {
  if (Array.isArray(v)) return v;
  if (isDict(v)) {
    const out: PyValue[] = [];
    for (const [k, x] of v) out.push(k, x);
    return out;
  }
  if (isSet(v)) return v.items;
  if (isObject(v)) {
    const kids = v.state === undefined ? [...v.args] : [...v.args, v.state];
    if (v.dictItems) for (const [k, x] of v.dictItems) kids.push(k, x);
    if (v.listItems) kids.push(...v.listItems);
    return kids;
  }
  if (isNdArray(v) && v.dtype.kind === "O") return v.data as PyValue[];
  return null;
}

export function checkGraph(root: PyValue, maxDepth: number): void {
  const done = new Map<object, number>(); // node → height
  const onPath = new Set<object>();
  type Frame = { node: object; kids: PyValue[]; i: number; height: number };
  const frames: Frame[] = [];
  const enter = (v: PyValue): number | null => {
    const kids = children(v);
    if (kids === null) return 0;
    const node = v as object;
    const h = done.get(node);
    if (h !== undefined) return h;
    if (onPath.has(node)) throw new PickleError("malformed", "cyclic structure");
    if (frames.length >= maxDepth) throw tooLarge(`value nested deeper than ${maxDepth}`);
    onPath.add(node);
    frames.push({ node, kids, i: 0, height: 0 });
    return null;
  };
  const h0 = enter(root);
  if (h0 !== null) return;
  while (frames.length) {
    const f = frames[frames.length - 1]!;
    if (f.i < f.kids.length) {
      const h = enter(f.kids[f.i++]!);
      if (h !== null) f.height = Math.max(f.height, h + 1);
      continue;
    }
    frames.pop();
    onPath.delete(f.node);
    done.set(f.node, f.height);
    const parent = frames[frames.length - 1];
    if (parent) parent.height = Math.max(parent.height, f.height + 1);
    if (f.height > maxDepth) throw tooLarge(`value nested deeper than ${maxDepth}`);
  }
}
