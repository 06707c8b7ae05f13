/**
 * Reading named fields of numpy structured arrays (sklearn Tree `nodes`, HistGradientBoosting
 * predictor `nodes`). The reader keeps their raw bytes; fields are read by name through the dtype's
 * offsets, never by position, because layouts change between versions (1.3 added a Tree field) and
 * HistGradientBoosting records are packed and unaligned, so typed-array views cannot be used.
 */
import { isNdArray, type NdArray, type PyValue } from "../../pickle/values";
import { LoadError } from "../types";

export type FieldReader = (row: number) => number;

const malformed = (msg: string) => new LoadError("malformed", msg);

export interface StructArray {
  nd: NdArray;
  rows: number;
  view: DataView;
  itemsize: number;
}

export function structArray(v: PyValue | undefined, what: string): StructArray {
  if (!isNdArray(v) || v.dtype.kind !== "V" || !v.dtype.fields || !(v.data instanceof Uint8Array)) {
    throw malformed(`${what}: structured array expected`);
  }
  if (v.shape.length !== 1) throw malformed(`${what}: 1-D structured array expected`);
  const rows = v.shape[0]!;
  const itemsize = v.dtype.itemsize;
  if (v.data.length !== rows * itemsize) throw malformed(`${what}: ${v.data.length} bytes for ${rows} records`);
  return { nd: v, rows, itemsize, view: new DataView(v.data.buffer, v.data.byteOffset, v.data.byteLength) };
}

export function hasField(s: StructArray, name: string): boolean {
  return s.nd.dtype.fields?.has(name) ?? false;
}

/** A reader for one numeric field (int / uint / float of any width, either byte order). */
export function field(s: StructArray, name: string, what: string): FieldReader {
  const f = s.nd.dtype.fields?.get(name);
  if (!f) throw malformed(`${what}: node field ${name} is missing`);
  const { kind, itemsize, byteorder } = f.dtype;
  const le = byteorder !== ">";
  const { view, itemsize: stride } = s;
  const off = f.offset;
  const at = (i: number) => i * stride + off;
  switch (`${kind}${itemsize}`) {
    case "f8":
      return (i) => view.getFloat64(at(i), le);
    case "f4":
      return (i) => view.getFloat32(at(i), le);
    case "i8":
      return (i) => Number(view.getBigInt64(at(i), le));
    case "u8":
      return (i) => Number(view.getBigUint64(at(i), le));
    case "i4":
      return (i) => view.getInt32(at(i), le);
    case "u4":
      return (i) => view.getUint32(at(i), le);
    case "i2":
      return (i) => view.getInt16(at(i), le);
    case "u2":
      return (i) => view.getUint16(at(i), le);
    case "i1":
      return (i) => view.getInt8(at(i));
    case "u1":
    case "b1":
      return (i) => view.getUint8(at(i));
    default:
      throw malformed(`${what}: node field ${name} has unsupported dtype ${f.dtype.str}`);
  }
}
