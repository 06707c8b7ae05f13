/**
 * joblib's NumpyArrayWrapper (docs/sklearn-pickles.md §5): the array bytes follow the wrapper's BUILD directly,
 * outside the opcode stream; object arrays follow as a nested protocol-2 pickle.
 */
import type { ByteReader } from "./bytes-reader";
import { malformed, refusedGlobal } from "./errors";
import { runPickle, type InterpreterHooks, type RunCtx } from "./interpreter";
import { checkShape, decodeRaw } from "./numpy";
import { type NdArray, type PyValue, isDType, isDict, isGlobalRef, isNdArray, isObject } from "./values";

export const WRAPPER = "joblib.numpy_pickle.NumpyArrayWrapper";

export function joblibHooks(ctx: RunCtx, onWrapper: () => void): InterpreterHooks {
  return {
    afterBuild(value: PyValue, reader: ByteReader): PyValue | undefined {
      if (!isObject(value) || value.$class !== WRAPPER) return undefined;
      onWrapper();
      return readWrappedArray(value.state, reader, ctx);
    },
  };
}

function readWrappedArray(state: PyValue | undefined, reader: ByteReader, ctx: RunCtx): NdArray {
  if (!isDict(state)) throw malformed("NumpyArrayWrapper: state must be a dict");
  const subclass = state.get("subclass");
  if (!isGlobalRef(subclass) || subclass.name !== "numpy.ndarray") {
    const name = isGlobalRef(subclass) ? subclass.name : typeof subclass;
    throw refusedGlobal(name, "NumpyArrayWrapper subclass must be numpy.ndarray");
  }
  const dtype = state.get("dtype");
  if (!isDType(dtype)) throw malformed("NumpyArrayWrapper: dtype expected");
  const { shape, count } = checkShape(state.get("shape"), ctx.limits);
  const order = state.get("order");
  if (order !== "C" && order !== "F") throw malformed("NumpyArrayWrapper: order must be 'C' or 'F'");

  if (dtype.kind === "O") {
    // A complete nested pickle (its own PROTO, memo and STOP), read without the joblib hook.
    const nested = runPickle(reader, ctx).value;
    if (!isNdArray(nested) || nested.dtype.kind !== "O") throw malformed("NumpyArrayWrapper: nested pickle is not an object array");
    return nested;
  }
  const align = state.get("numpy_array_alignment_bytes");
  if (align !== undefined && align !== null) {
    const pad = reader.u8("joblib padding length");
    if (pad > 16) throw malformed(`joblib padding of ${pad} bytes`);
    reader.take(pad, "joblib padding");
  }
  const raw = reader.take(count * dtype.itemsize, "joblib array data");
  return { $kind: "ndarray", dtype, shape, fortran: order === "F", data: decodeRaw(dtype, raw, count, ctx) };
}
