/** Says what a file that is not a pickle looks like, from its first bytes, so the refusal is not a bare parse error. */

const MAGICS: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (a Keras/.npz/.docx file?)"],
  [[0x89, 0x48, 0x44, 0x46], "an HDF5 file (Keras .h5?)"],
  [[0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59], "a numpy .npy file"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x04, 0x22, 0x4d, 0x18], "an lz4-compressed file (joblib compress='lz4' is not supported; re-save with compress=('zlib', 3))"],
  [[0x28, 0xb5, 0x2f, 0xfd], "a zstd-compressed file"],
  [[0x50, 0x41, 0x52, 0x31], "a Parquet file"],
  [[0x7f, 0x45, 0x4c, 0x46], "an executable (ELF)"],
];

/** Bytes a binary pickle can start with: PROTO (protocols 2–5) or protocol 1's EMPTY_DICT / EMPTY_LIST / MARK. */
const BINARY_FIRST = new Set([0x80, 0x7d, 0x5d, 0x28]);

/** The first line of a protocol-0 pickle: MARK, a GLOBAL module name, or a scalar. */
const TEXT_PICKLE_START = /^(\(|P[^\n,;\t]*\r?$|c[A-Za-z_][\w.]*\r?$|I-?\d+\r?$|L-?\d+L?\r?$|F[-+\w.]+\r?$|S['"]|V|N\.?$|[}\]])/;

export function sniffNotPickle(b: Uint8Array): string | null {
  for (const [magic, what] of MAGICS) {
    if (magic.every((m, i) => b[i] === m)) return `not a pickle or joblib file: it looks like ${what}`;
  }
  const head = new TextDecoder("latin1").decode(b.subarray(0, 256));
  const firstLine = head.split("\n")[0]!;
  if (TEXT_PICKLE_START.test(firstLine) || BINARY_FIRST.has(b[0]!)) return null;
  if (/^\s*[{[]/.test(head) && /^[\x09\x0a\x0d\x20-\x7e]+$/.test(head)) return "not a pickle or joblib file: it looks like JSON text";
  if (/^[\x09\x0a\x0d\x20-\x7e\x80-\xff]+$/.test(head)) return "not a pickle or joblib file: it looks like a text file (CSV, source code?)";
  return "not a pickle or joblib file: its first bytes are not a pickle opcode";
}
