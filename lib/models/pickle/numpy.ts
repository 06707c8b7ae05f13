/** numpy dtypes, arrays and scalars as plain data (docs/sklearn-pickles.md §4). */
import { PickleError, malformed, tooLarge } from "./errors";
import type { ReadLimits } from "./limits";
import { decodeLatin1 } from "./bytes-reader";
import {
  type DType,
  type DTypeField,
  type NdArray,
  type NdData,
  type PyValue,
  isDType,
  isDict,
  isTuple,
  isList,
} from "./values";

export interface NumpyCtx {
  limits: ReadLimits;
  /** Count bytes allocated for arrays / decoded buffers against the budget. */
  charge(n: number, what: string): void;
}

const NUMERIC_SIZES: Record<string, number[]> = {
  b: [1],
  i: [1, 2, 4, 8],
  u: [1, 2, 4, 8],
  f: [2, 4, 8],
  c: [8, 16],
  M: [8],
  m: [8],
};

function dtypeStr(kind: string, itemsize: number, byteorder: string): string {
  if (kind === "O") return "|O";
  const n = kind === "U" ? itemsize / 4 : itemsize;
  return `${byteorder}${kind}${n}`;
}

/** numpy.dtype(descr, align, copy): descr like "f8", "<i4", "U5", "V56", "O8". */
export function makeDType(descr: PyValue | undefined): DType {
  if (typeof descr !== "string") throw malformed("numpy.dtype: descriptor is not a string");
  const m = /^([<>|=]?)([biufcmMOSUV])(\d{0,9})$/.exec(descr);
  if (!m) throw new PickleError("unsupported", `numpy.dtype: unsupported descriptor ${JSON.stringify(descr.slice(0, 40))}`);
  const kind = m[2]!;
  const n = m[3] === "" ? NaN : Number(m[3]);
  let itemsize: number;
  if (kind === "O") itemsize = 8;
  else if (kind === "U") itemsize = Number.isNaN(n) ? 0 : n * 4;
  else if (kind === "S" || kind === "V") itemsize = Number.isNaN(n) ? 0 : n;
  else {
    itemsize = n;
    if (!NUMERIC_SIZES[kind]!.includes(itemsize)) {
      throw new PickleError("unsupported", `numpy.dtype: unsupported itemsize for ${descr}`);
    }
  }
  const bo = m[1] === ">" ? ">" : m[1] === "|" || itemsize <= 1 || "OSV".includes(kind) ? "|" : "<";
  const byteorder = kind === "U" && m[1] !== ">" ? "<" : bo;
  return { $kind: "dtype", kind, itemsize, byteorder, str: dtypeStr(kind, itemsize, byteorder), names: null, fields: null };
}

const asInt = (v: PyValue | undefined, what: string): number => {
  if (typeof v === "number" && Number.isSafeInteger(v)) return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw malformed(`${what}: expected an integer`);
};

/** BUILD on a dtype: (version, byteorder, subdescr, names, fields, elsize, alignment, flags[, metadata]). */
export function buildDType(dt: DType, state: PyValue): void {
  if (!isTuple(state) || state.length < 8 || state.length > 9) throw malformed("dtype state: bad tuple");
  const version = asInt(state[0], "dtype state version");
  if (version !== 3 && version !== 4) throw new PickleError("unsupported", `dtype state version ${version}`);
  const bo = state[1];
  if (bo !== "<" && bo !== ">" && bo !== "|" && bo !== "=") throw malformed("dtype state: bad byte order");
  if (state[2] !== null) throw new PickleError("unsupported", "sub-array dtypes are not supported");
  const names = state[3];
  const fields = state[4];
  const elsize = asInt(state[5], "dtype elsize");
  if (dt.kind === "U" || dt.kind === "S" || dt.kind === "V") {
    if (elsize < 0 || elsize > 1 << 30) throw malformed("dtype state: bad elsize");
    if (dt.kind === "U" && elsize % 4 !== 0) throw malformed("dtype state: bad unicode elsize");
    dt.itemsize = elsize;
  } else if (dt.kind !== "O" && elsize !== -1 && elsize !== dt.itemsize) {
    throw malformed(`dtype state: elsize ${elsize} does not match ${dt.str}`);
  }
  dt.byteorder = bo === "=" ? "<" : bo;
  if (dt.itemsize <= 1 && dt.kind !== "U") dt.byteorder = "|";
  if (names !== null || fields !== null) {
    if (dt.kind !== "V") throw malformed("dtype state: fields on a non-void dtype");
    if (!isTuple(names) || !isDict(fields)) throw malformed("dtype state: bad names/fields");
    const out = new Map<string, DTypeField>();
    const nameList: string[] = [];
    for (const nm of names) {
      if (typeof nm !== "string") throw malformed("dtype field name is not a string");
      const f = fields.get(nm);
      if (!isTuple(f) || f.length < 2) throw malformed(`dtype field ${nm}: bad descriptor`);
      const fdt = f[0];
      const off = asInt(f[1], "dtype field offset");
      if (!isDType(fdt) || fdt.kind === "O") throw malformed(`dtype field ${nm}: bad dtype`);
      if (off < 0 || off + fdt.itemsize > dt.itemsize) throw malformed(`dtype field ${nm}: out of bounds`);
      out.set(nm, { dtype: fdt, offset: off });
      nameList.push(nm);
    }
    dt.names = nameList;
    dt.fields = out;
  }
  dt.str = dtypeStr(dt.kind, dt.itemsize, dt.byteorder);
}

/** Validate a shape tuple: non-negative safe ints, bounded dims and element count. */
export function checkShape(shape: PyValue | undefined, limits: ReadLimits): { shape: number[]; count: number } {
  if (!isTuple(shape) && !isList(shape)) throw malformed("array shape is not a tuple");
  if (shape.length > limits.maxDims) throw tooLarge(`array has ${shape.length} dimensions (max ${limits.maxDims})`);
  const out: number[] = [];
  let count = 1;
  for (const d of shape) {
    if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 0) throw malformed("array dimension is not a non-negative integer");
    out.push(d);
    count *= d;
    if (count > limits.maxArrayElements) throw tooLarge(`array has more than ${limits.maxArrayElements} elements`);
  }
  // A zero dimension makes count 0, but the other dimensions were still checked one by one above only
  // until the product overflowed; re-check each dimension individually as well.
  for (const d of out) if (d > limits.maxArrayElements) throw tooLarge("array dimension too large");
  return { shape: out, count };
}

function copyAligned(src: Uint8Array, swapSize: number): ArrayBuffer {
  const buf = new ArrayBuffer(src.length);
  const dst = new Uint8Array(buf);
  dst.set(src);
  if (swapSize > 1) {
    for (let i = 0; i + swapSize <= dst.length; i += swapSize) dst.subarray(i, i + swapSize).reverse();
  }
  return buf;
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

/** Decode `count` items of `dt` from raw bytes (exact length required). */
export function decodeRaw(dt: DType, raw: Uint8Array, count: number, ctx: NumpyCtx): NdData {
  if (dt.kind === "O") throw malformed("object arrays cannot be read from raw bytes");
  const expected = count * dt.itemsize;
  if (raw.length !== expected) {
    throw malformed(`array data is ${raw.length} bytes, expected ${count} × ${dt.itemsize} = ${expected}`);
  }
  ctx.charge(raw.length, "array data");
  const big = dt.byteorder === ">";
  switch (dt.kind) {
    case "V":
    case "b":
      return raw.slice();
    case "S": {
      const out: string[] = [];
      for (let i = 0; i < count; i++) {
        const item = raw.subarray(i * dt.itemsize, (i + 1) * dt.itemsize);
        let end = item.length;
        while (end > 0 && item[end - 1] === 0) end--;
        out.push(decodeLatin1(item.subarray(0, end)));
      }
      return out;
    }
    case "U": {
      const out: string[] = [];
      const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      const chars = dt.itemsize / 4;
      for (let i = 0; i < count; i++) {
        let s = "";
        for (let j = 0; j < chars; j++) {
          const cp = dv.getUint32((i * chars + j) * 4, !big);
          if (cp === 0) break;
          if (cp > 0x10ffff) throw malformed("invalid code point in unicode array");
          s += String.fromCodePoint(cp);
        }
        out.push(s);
      }
      return out;
    }
    case "f": {
      if (dt.itemsize === 2) {
        const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
        const out = new Float64Array(count);
        for (let i = 0; i < count; i++) out[i] = halfToFloat(dv.getUint16(i * 2, !big));
        return out;
      }
      const buf = copyAligned(raw, big ? dt.itemsize : 0);
      return dt.itemsize === 4 ? new Float32Array(buf) : new Float64Array(buf);
    }
    case "c": {
      const half = dt.itemsize / 2;
      const buf = copyAligned(raw, big ? half : 0);
      return half === 4 ? new Float32Array(buf) : new Float64Array(buf);
    }
    case "i":
    case "u":
    case "M":
    case "m": {
      const buf = copyAligned(raw, big ? dt.itemsize : 0);
      const signed = dt.kind !== "u";
      switch (dt.itemsize) {
        case 1:
          return signed ? new Int8Array(buf) : new Uint8Array(buf);
        case 2:
          return signed ? new Int16Array(buf) : new Uint16Array(buf);
        case 4:
          return signed ? new Int32Array(buf) : new Uint32Array(buf);
        default:
          return signed ? new BigInt64Array(buf) : new BigUint64Array(buf);
      }
    }
  }
  throw new PickleError("unsupported", `unsupported dtype ${dt.str}`);
}

/** numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b'): an empty array that BUILD fills. */
export function emptyArray(): NdArray {
  return {
    $kind: "ndarray",
    dtype: { $kind: "dtype", kind: "f", itemsize: 8, byteorder: "<", str: "<f8", names: null, fields: null },
    shape: [0],
    fortran: false,
    data: new Float64Array(0),
  };
}

/** ndarray.__setstate__((version, shape, dtype, is_fortran, data)). */
export function buildArray(arr: NdArray, state: PyValue, ctx: NumpyCtx): void {
  if (!isTuple(state) || (state.length !== 5 && state.length !== 4)) throw malformed("ndarray state: bad tuple");
  const s = state.length === 5 ? state.slice(1) : state;
  if (state.length === 5 && state[0] !== 1) throw malformed("ndarray state: unknown version");
  const { shape, count } = checkShape(s[0], ctx.limits);
  const dt = s[1];
  if (!isDType(dt)) throw malformed("ndarray state: dtype expected");
  const fortran = s[2];
  if (typeof fortran !== "boolean" && fortran !== 0 && fortran !== 1) throw malformed("ndarray state: bad is_fortran flag");
  const raw = s[3];
  let data: NdData;
  if (dt.kind === "O") {
    if (!isList(raw) && !isTuple(raw)) throw malformed("object array state: list expected");
    if (raw.length !== count) throw malformed(`object array has ${raw.length} items, shape says ${count}`);
    data = raw.slice();
  } else if (raw instanceof Uint8Array) {
    data = decodeRaw(dt, raw, count, ctx);
  } else if (typeof raw === "string") {
    // Python 2 str data read with encoding latin1.
    const bytes = latin1Bytes(raw, ctx);
    data = decodeRaw(dt, bytes, count, ctx);
  } else {
    throw malformed("ndarray state: data must be bytes");
  }
  arr.shape = shape;
  arr.dtype = dt;
  arr.fortran = fortran === true || fortran === 1;
  arr.data = data;
}

export function latin1Bytes(s: string, ctx: NumpyCtx): Uint8Array {
  ctx.charge(s.length, "bytes");
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) throw malformed("_codecs.encode: code point above 255 in latin1 data");
    out[i] = c;
  }
  return out;
}

/** numpy.core.numeric._frombuffer(buffer, dtype, shape, order) (protocol 5, in-band). */
export function fromBuffer(args: PyValue[], ctx: NumpyCtx): NdArray {
  if (args.length !== 4) throw malformed("_frombuffer: 4 arguments expected");
  const [buf, dt, shapeV, order] = args;
  if (!(buf instanceof Uint8Array)) throw malformed("_frombuffer: buffer must be bytes");
  if (!isDType(dt) || dt.kind === "O") throw malformed("_frombuffer: bad dtype");
  if (order !== "C" && order !== "F") throw malformed("_frombuffer: order must be 'C' or 'F'");
  const { shape, count } = checkShape(shapeV, ctx.limits);
  return { $kind: "ndarray", dtype: dt, shape, fortran: order === "F", data: decodeRaw(dt, buf, count, ctx) };
}

/** numpy.core.multiarray.scalar(dtype, bytes) → a JS number (or boolean / string / bigint). */
export function scalar(args: PyValue[], ctx: NumpyCtx): PyValue {
  if (args.length < 1 || args.length > 2) throw malformed("scalar: bad arguments");
  const dt = args[0];
  if (!isDType(dt)) throw malformed("scalar: dtype expected");
  if (dt.kind === "O") return args[1] ?? null;
  let raw = args[1];
  if (typeof raw === "string") raw = latin1Bytes(raw, ctx);
  if (!(raw instanceof Uint8Array)) throw malformed("scalar: bytes expected");
  const data = decodeRaw(dt, raw, 1, ctx);
  if (dt.kind === "b") return (data as Uint8Array)[0] !== 0;
  if (dt.kind === "c") return { $kind: "complex", re: Number(data[0]), im: Number(data[1]) };
  if (dt.kind === "V") return data as Uint8Array;
  const v = data[0];
  if (typeof v === "bigint") return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  return v as PyValue;
}
