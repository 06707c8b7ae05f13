/** What calling (REDUCE / NEWOBJ / INST / OBJ) or BUILDing a whitelisted global means, as data. */
import { PickleError, malformed, refusedGlobal } from "./errors";
import { buildArray, buildDType, emptyArray, fromBuffer, latin1Bytes, makeDType, scalar, type NumpyCtx } from "./numpy";
import { canonicalModule } from "./aliases";
import { globalKind, printable } from "./whitelist";
import {
  type PyObject,
  type PyValue,
  isDType,
  isDict,
  isGlobalRef,
  isList,
  isNdArray,
  isObject,
  isTuple,
  tuple,
} from "./values";

export function record(cls: string, args: PyValue[] = [], state?: PyValue): PyObject {
  return { $kind: "object", $class: cls, args, state };
}

const refName = (v: PyValue | undefined): string =>
  isGlobalRef(v) ? v.name : typeof v === "string" ? JSON.stringify(v.slice(0, 40)) : Array.isArray(v) ? "tuple" : typeof v;

const isClassLike = (kind: string | undefined) => kind === "class" || kind === "inert";

function classArg(fn: string, v: PyValue | undefined): string {
  if (!isGlobalRef(v) || !isClassLike(globalKind(v.name))) throw refusedGlobal(fn, `called with ${refName(v)}`);
  return v.name;
}

/** Cython's __pyx_unpickle_X(X, checksum, state) → an inert X record with that state. */
function cythonUnpickle(name: string, args: PyValue[]): PyObject {
  const expected = name.replace(".__pyx_unpickle_", ".");
  const cls = classArg(name, args[0]);
  if (cls !== expected || args.length !== 3) throw refusedGlobal(name, `called with ${cls}`);
  return record(cls, [args[1]!], args[2]!);
}

/** numpy's ufunc pickles name a ufunc by module and name; only numpy's own names, never an import of anything else. */
function ufuncRef(name: string, args: PyValue[]): PyValue {
  const [module, fn] = args;
  if (typeof module !== "string" || typeof fn !== "string" || args.length !== 2) throw malformed(`${name}: (module, name) expected`);
  const target = `${canonicalModule(module)}.${fn}`;
  const kind = globalKind(target);
  if ((module !== "numpy" && !module.startsWith("numpy.")) || kind === undefined || kind === "func") {
    throw refusedGlobal(name, `imports ${printable(`${module}.${fn}`.slice(0, 100))}`);
  }
  return { $kind: "global", name: target };
}

function numberArg(v: PyValue | undefined, what: string): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw malformed(`${what}: number expected`);
}

/** REDUCE(callable, args). `callable` must be a whitelisted global reference. */
export function callGlobal(callable: PyValue, args: PyValue, ctx: NumpyCtx): PyValue {
  if (!isGlobalRef(callable)) throw malformed(`REDUCE on a non-callable (${refName(callable)})`);
  if (!isTuple(args)) throw malformed(`REDUCE ${callable.name}: arguments must be a tuple`);
  const name = callable.name;
  const kind = globalKind(name);
  if (kind === "class") return record(name, args.slice());
  // A name the reader does not know, in a known scientific module: nothing is called, the call is
  // recorded as a placeholder (its class or function name and its arguments), so the file is kept but not served.
  if (kind === "inert") {
    // Cython's unpickler of an unknown class: its own class record when the arguments fit, else the call itself.
    const cls = args[0];
    const fits = name.includes(".__pyx_unpickle_") && args.length === 3 && isGlobalRef(cls) && isClassLike(globalKind(cls.name));
    return fits && isGlobalRef(cls) ? record(cls.name, [args[1]!], args[2]!) : record(name, args.slice());
  }
  if (kind !== "func") throw refusedGlobal(name, "not callable");
  switch (name) {
    case "numpy.core.multiarray._reconstruct": {
      // ndarray and its subclass matrix hold plain array data; other numpy array subclasses are kept
      // as placeholders (never served); anything else is refused.
      const sub = args[0];
      if (isGlobalRef(sub) && (sub.name === "numpy.ndarray" || sub.name === "numpy.matrix" || sub.name === "numpy.matrixlib.defmatrix.matrix")) return emptyArray();
      if (isGlobalRef(sub) && sub.name.startsWith("numpy.") && globalKind(sub.name) === "inert") return record(sub.name, args.slice(1));
      throw refusedGlobal(name, `called with ${refName(sub)}; only numpy arrays are allowed`);
    }
    case "numpy.core.multiarray.scalar":
      return scalar(args, ctx);
    case "numpy.core.numeric._frombuffer":
      return fromBuffer(args, ctx);
    case "numpy.dtype":
      return makeDType(args[0]);
    case "_codecs.encode": {
      const [s, enc] = args;
      if (typeof s !== "string" || args.length > 2) throw malformed("_codecs.encode: string expected");
      if (enc !== "latin1" && enc !== "latin-1") throw refusedGlobal(name, `encoding ${refName(enc)} (only latin1)`);
      return latin1Bytes(s, ctx);
    }
    case "copyreg._reconstructor": {
      // (cls, object, None), or protocols 0–1's dict / list subclasses: (cls, dict, items) / (cls, list, items).
      const cls = classArg(name, args[0]);
      const base = isGlobalRef(args[1]) ? args[1].name : null;
      if (args.length !== 3) throw malformed(`${name}: three arguments expected`);
      const state = args[2];
      if (base === "builtins.object" && state === null) return record(cls);
      if (base === "builtins.dict" && (state === null || isDict(state))) return { ...record(cls), dictItems: new Map(state ?? []) };
      if (base === "builtins.list" && (state === null || isList(state))) return { ...record(cls), listItems: [...(state ?? [])] };
      throw refusedGlobal(name, `base ${refName(args[1])} with ${state === null ? "no" : "that"} state`);
    }
    case "builtins.slice":
      if (args.length < 1 || args.length > 3) throw malformed("slice: bad arguments");
      return args.length === 1
        ? { $kind: "slice", start: null, stop: args[0]!, step: null }
        : { $kind: "slice", start: args[0]!, stop: args[1]!, step: args[2] ?? null };
    case "builtins.set":
    case "builtins.frozenset": {
      const src = args[0];
      if (args.length > 1 || (src !== undefined && !isList(src) && !isTuple(src))) throw malformed(`${name}: list expected`);
      return { $kind: "set", frozen: name === "builtins.frozenset", items: src ? src.slice() : [] };
    }
    case "builtins.complex":
      return { $kind: "complex", re: numberArg(args[0] ?? 0, "complex"), im: numberArg(args[1] ?? 0, "complex") };
    case "builtins.bytes":
      if (args.length !== 0) throw refusedGlobal(name, "only bytes() without arguments");
      return new Uint8Array(0);
    case "builtins.bytearray": {
      // bytearray(bytes) in protocols 2–4 (xgboost keeps its booster so); protocol 2 spells the
      // bytes as (str, 'latin-1').
      const [src, enc] = args;
      if (args.length === 0) return new Uint8Array(0);
      if (src instanceof Uint8Array && args.length === 1) return src.slice();
      if (typeof src === "string" && (enc === "latin-1" || enc === "latin1") && args.length === 2) return latin1Bytes(src, ctx);
      throw malformed("bytearray: bytes expected");
    }
    case "collections.defaultdict": {
      // defaultdict(factory): its items follow as SETITEMS; the factory is only a name.
      if (args.length > 1 || (args[0] !== undefined && args[0] !== null && !isGlobalRef(args[0]))) throw malformed(`${name}: a factory name expected`);
      return new Map<PyValue, PyValue>();
    }
    case "numpy.random._pickle.__randomstate_ctor":
      return record("numpy.random.mtrand.RandomState", args.slice());
    case "numpy.random._pickle.__bit_generator_ctor":
      return record("numpy.random.BitGenerator", args.slice());
    case "numpy.random._pickle.__generator_ctor":
      return record("numpy.random._generator.Generator", args.slice());
    case "numpy.core._ufunc_reconstruct":
      return ufuncRef(name, args);
    case "pandas.core.indexes.base._new_Index": {
      // _new_Index(cls, {"data": ndarray, "name": …}): an Index is its values (feature names).
      const d = args[1];
      if (args.length !== 2 || !isDict(d)) throw malformed(`${name}: (cls, dict) expected`);
      const data = d.get("data");
      return isNdArray(data) ? data : record(classArg(name, args[0]), [], d);
    }
    case "collections.OrderedDict": {
      // OrderedDict() or OrderedDict([(k, v), …]); SETITEMS usually fills it afterwards.
      const out = new Map<PyValue, PyValue>();
      const items = args[0];
      if (args.length > 1 || (items !== undefined && !isList(items) && !isTuple(items))) throw malformed(`${name}: list of pairs expected`);
      for (const pair of items ?? []) {
        if (!isTuple(pair) && !isList(pair)) throw malformed(`${name}: list of pairs expected`);
        if (pair.length !== 2) throw malformed(`${name}: list of pairs expected`);
        out.set(pair[0]!, pair[1]!);
      }
      return out;
    }
    case "sklearn.metrics._dist_metrics.newObj":
    case "sklearn.neighbors._kd_tree.newObj":
      if (args.length !== 1) throw malformed(`${name}: one argument expected`);
      return record(classArg(name, args[0]));
    default:
      if (name.includes(".__pyx_unpickle_")) return cythonUnpickle(name, args);
  }
  throw refusedGlobal(name, "no handler");
}

/** NEWOBJ(cls, args) / NEWOBJ_EX: trusted classes with empty arguments; inert placeholders keep theirs as data. */
export function newObject(cls: PyValue, args: PyValue, kwargs?: PyValue): PyValue {
  if (!isGlobalRef(cls)) throw malformed(`NEWOBJ on a non-class (${refName(cls)})`);
  const kind = globalKind(cls.name);
  if (!isTuple(args)) throw malformed("NEWOBJ: arguments must be a tuple");
  if (kind === "inert") return record(cls.name, kwargs === undefined ? args.slice() : [...args, kwargs]);
  if (kind !== "class") throw refusedGlobal(cls.name, "not a class");
  if (args.length !== 0) throw refusedGlobal(cls.name, "NEWOBJ with arguments");
  if (kwargs !== undefined && !(isDict(kwargs) && kwargs.size === 0)) throw refusedGlobal(cls.name, "NEWOBJ with keyword arguments");
  return record(cls.name);
}

/** INST / OBJ: build an instance of a class from (possibly empty) args; only empty args are allowed. */
export function instantiate(cls: PyValue, args: PyValue[]): PyValue {
  if (!isGlobalRef(cls)) throw malformed(`OBJ on a non-class (${refName(cls)})`);
  const kind = globalKind(cls.name);
  if (kind === "inert") return record(cls.name, args);
  if (kind !== "class") throw refusedGlobal(cls.name, "not a class");
  if (args.length !== 0) throw refusedGlobal(cls.name, "instantiated with arguments");
  return record(cls.name);
}

/** BUILD(target, state). Arrays and dtypes are filled; records store their state. */
export function buildValue(target: PyValue, state: PyValue, ctx: NumpyCtx): void {
  if (isNdArray(target)) return buildArray(target, state, ctx);
  if (isDType(target)) return buildDType(target, state);
  if (isObject(target)) {
    if (isDict(target.state) && isDict(state)) {
      for (const [k, v] of state) target.state.set(k, v);
    } else {
      target.state = state;
    }
    return;
  }
  throw new PickleError("malformed", "BUILD on a value that is not an object");
}

export { tuple };
