/** The single entry point: bytes in, plain data or a typed error out. Never throws. */
import { gunzipSync, inflateSync } from "node:zlib";
import { ByteReader } from "./bytes-reader";
import { bunzip2 } from "./codecs/bz2";
import { unlzmaAlone, unxz } from "./codecs/xz";
import { PickleError, type PickleErrorCode, tooLarge } from "./errors";
import { runPickle, type RunCtx } from "./interpreter";
import { joblibHooks } from "./joblib";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { checkGraph } from "./validate";
import { sniffNotPickle } from "./sniff";
import { type PyValue, attr, isObject } from "./values";
import { printable } from "./whitelist";

export type ModelFileFormat = "pickle" | "joblib" | "joblib-zlib" | "joblib-gzip" | "joblib-bz2" | "joblib-xz" | "joblib-lzma" | "joblib-zf";

export type ReadOptions = Partial<ReadLimits>;

export type ReadResult =
  | {
      ok: true;
      value: PyValue;
      format: ModelFileFormat;
      protocol: number;
      /** `$class` of the top-level object, when it is an object. */
      className?: string;
      /** `_sklearn_version` of the top-level object's state, when present. */
      sklearnVersion?: string;
    }
  | {
      ok: false;
      error: { code: PickleErrorCode; message: string };
      /** The first scikit-learn class and `_sklearn_version` read before the failure, when any. */
      className?: string;
      sklearnVersion?: string;
    };

const startsWith = (b: Uint8Array, magic: number[]) => magic.every((m, i) => b[i] === m);

const decompressCap = (bytes: Uint8Array, limits: ReadLimits) =>
  Math.min(limits.maxDecompressedSize, Math.max(bytes.length * limits.maxCompressionRatio, 1 << 20));

function decompress(bytes: Uint8Array, gzip: boolean, limits: ReadLimits): Uint8Array {
  const cap = decompressCap(bytes, limits);
  try {
    const out = gzip ? gunzipSync(bytes, { maxOutputLength: cap }) : inflateSync(bytes, { maxOutputLength: cap });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) {
      throw tooLarge(`decompressed size exceeds ${cap} bytes`);
    }
    if (err.code === "Z_BUF_ERROR" || /unexpected end/i.test(err.message ?? "")) {
      throw new PickleError("truncated", "compressed data ended early");
    }
    throw new PickleError("malformed", `bad ${gzip ? "gzip" : "zlib"} data: ${err.message ?? "unknown error"}`);
  }
}

export function readModelFile(input: Uint8Array, options: ReadOptions = {}): ReadResult {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options };
  const seen: { className?: string; sklearnVersion?: string } = {};
  try {
    if (input.length === 0) throw new PickleError("truncated", "empty file");
    if (input.length > limits.maxDecompressedSize) throw tooLarge(`file larger than ${limits.maxDecompressedSize} bytes`);
    // A Node Buffer's slice() does not copy: work on a plain Uint8Array view of the same memory.
    let bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    let format: ModelFileFormat = "pickle";
    if (startsWith(bytes, [0x78])) {
      bytes = decompress(bytes, false, limits);
      format = "joblib-zlib";
    } else if (startsWith(bytes, [0x1f, 0x8b])) {
      bytes = decompress(bytes, true, limits);
      format = "joblib-gzip";
    } else if (startsWith(bytes, [0x42, 0x5a, 0x68])) {
      bytes = bunzip2(bytes, decompressCap(bytes, limits));
      format = "joblib-bz2";
    } else if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) {
      bytes = unxz(bytes, decompressCap(bytes, limits));
      format = "joblib-xz";
    } else if (startsWith(bytes, [0x5d, 0x00, 0x00])) {
      bytes = unlzmaAlone(bytes, decompressCap(bytes, limits));
      format = "joblib-lzma";
    } else if (startsWith(bytes, [0x04, 0x22, 0x4d, 0x18])) {
      throw new PickleError("unsupported", "lz4-compressed joblib files are not supported; re-save with compress=('zlib', 3)");
    } else if (startsWith(bytes, [0x5a, 0x46, 0x30, 0x78])) {
      // joblib < 0.10 (compress=True): "ZF", the length as "0x…" hex padded to 19 bytes, then zlib.
      bytes = decompress(bytes.subarray(21), false, limits);
      format = "joblib-zf";
    }
    if (bytes.length === 0) throw new PickleError("truncated", "empty pickle stream");
    const notPickle = sniffNotPickle(bytes);
    if (notPickle) throw new PickleError("not_pickle", notPickle);

    let allocated = 0;
    const ctx: RunCtx = {
      limits,
      opcodes: 0,
      seen,
      charge(n: number, what: string) {
        allocated += n;
        if (allocated > limits.maxAllocatedBytes) throw tooLarge(`${what}: more than ${limits.maxAllocatedBytes} bytes allocated`);
      },
    };
    let sawWrapper = false;
    const reader = new ByteReader(bytes);
    const { value, protocol } = runPickle(reader, ctx, joblibHooks(ctx, () => (sawWrapper = true)));
    checkGraph(value, limits.maxDepth);
    if (sawWrapper && format === "pickle") format = "joblib";

    const version = attr(value, "_sklearn_version");
    return {
      ok: true,
      value,
      format,
      protocol,
      ...(isObject(value) ? { className: value.$class } : {}),
      ...(typeof version === "string" ? { sklearnVersion: version } : {}),
    };
  } catch (e) {
    if (e instanceof PickleError) return { ok: false, error: { code: e.code, message: printable(e.message) }, ...seen };
    // Not expected: a bug in the reader. Still a typed error, never a throw.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { ok: false, error: { code: "internal_error", message: printable(message) }, ...seen };
  }
}
