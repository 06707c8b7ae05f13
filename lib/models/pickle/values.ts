/**
 * The plain-data values the reader produces. Nothing here has behaviour: Python objects become
 * tagged records, dicts become Maps (never plain objects keyed by attacker strings).
 */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PyValue[] // list; a tuple is a frozen array (see isTuple)
  | PyDict
  | PySet
  | PyObject
  | PyGlobalRef
  | PySlice
  | PyComplex
  | NdArray
  | DType;

export type PyDict = Map<PyValue, PyValue>;

export interface PySet {
  $kind: "set";
  frozen: boolean;
  items: PyValue[];
}

/** An instance of a whitelisted class: never constructed, only recorded. */
export interface PyObject {
  $kind: "object";
  $class: string;
  /** Positional arguments (REDUCE / Cython unpickle helpers), usually empty. */
  args: PyValue[];
  /** The BUILD state (usually a PyDict of attributes), undefined until BUILD. */
  state: PyValue | undefined;
  /** Items of a dict subclass (SETITEMS after its NEWOBJ, e.g. scikit-learn's Bunch). */
  dictItems?: PyDict;
  /** Items of a list subclass (APPENDS after its NEWOBJ). */
  listItems?: PyValue[];
}

/** A whitelisted global used as a value (e.g. numpy.ndarray passed to _reconstruct). */
export interface PyGlobalRef {
  $kind: "global";
  name: string;
}

export interface PySlice {
  $kind: "slice";
  start: PyValue;
  stop: PyValue;
  step: PyValue;
}

export interface PyComplex {
  $kind: "complex";
  re: number;
  im: number;
}

export interface DTypeField {
  dtype: DType;
  offset: number;
}

export interface DType {
  $kind: "dtype";
  /** numpy kind character: b i u f c M m O S U V */
  kind: string;
  itemsize: number;
  byteorder: "<" | ">" | "|";
  /** e.g. "<f8", "|V56", "|O" */
  str: string;
  names: string[] | null;
  fields: Map<string, DTypeField> | null;
}

export type NdData =
  | Float64Array
  | Float32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | string[]
  | PyValue[];

/**
 * A numpy array. `data` is in file order (C order, or F order when `fortran`).
 * Numeric dtypes: a native typed array (byte order already converted). Complex: interleaved re/im.
 * Structured / void dtypes ("V"): the raw bytes (Uint8Array), read fields via dtype.fields offsets.
 * "U"/"S": string[]. "O": PyValue[].
 */
export interface NdArray {
  $kind: "ndarray";
  dtype: DType;
  shape: number[];
  fortran: boolean;
  data: NdData;
}

export const isTuple = (v: PyValue | undefined): v is PyValue[] => Array.isArray(v) && Object.isFrozen(v);
export const isList = (v: PyValue | undefined): v is PyValue[] => Array.isArray(v) && !Object.isFrozen(v);
export const isDict = (v: PyValue | undefined): v is PyDict => v instanceof Map;
export const tuple = (items: PyValue[]): PyValue[] => Object.freeze(items) as PyValue[];

function tagged(v: PyValue | undefined, kind: string): boolean {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Uint8Array) &&
    (v as { $kind?: string }).$kind === kind
  );
}
export const isObject = (v: PyValue | undefined): v is PyObject => tagged(v, "object");
export const isNdArray = (v: PyValue | undefined): v is NdArray => tagged(v, "ndarray");
export const isDType = (v: PyValue | undefined): v is DType => tagged(v, "dtype");
export const isGlobalRef = (v: PyValue | undefined): v is PyGlobalRef => tagged(v, "global");
export const isSet = (v: PyValue | undefined): v is PySet => tagged(v, "set");

/** An attribute of a recorded object (its BUILD state dict), or undefined. */
export function attr(obj: PyValue | undefined, name: string): PyValue | undefined {
  if (!isObject(obj) || !isDict(obj.state)) return undefined;
  return obj.state.get(name);
}

/** Text from a file shown in a message: control characters (a CRLF pickle's \r) are escaped, never printed raw. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
