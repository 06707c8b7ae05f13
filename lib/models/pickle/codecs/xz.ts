/**
 * The xz container (LZMA2 blocks) and the legacy .lzma ("alone") header, as joblib writes them with
 * compress="xz" / "lzma" (Python's lzma module). Only the LZMA2 filter is read; integrity checks are
 * skipped (a corrupted stream still fails in the pickle reader). Output is bounded by `cap`.
 */
import { PickleError, malformed } from "../errors";
import { LzmaState, Output, parseProps } from "./lzma";

const truncated = () => new PickleError("truncated", "compressed data ended early");

function need(input: Uint8Array, pos: number, n: number): void {
  if (pos + n > input.length) throw truncated();
}

/** xz's variable-length integer (at most 9 bytes). */
function vli(input: Uint8Array, at: { pos: number }): number {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    need(input, at.pos, 1);
    const b = input[at.pos++]!;
    v += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return v;
  }
  throw malformed("xz: bad variable-length integer");
}

const CHECK_SIZES: Record<number, number> = { 0: 0, 1: 4, 4: 8, 10: 32 };

export function unxz(input: Uint8Array, cap: number): Uint8Array {
  need(input, 0, 12);
  const check = input[7]! & 0x0f;
  const checkSize = CHECK_SIZES[check];
  if (input[6] !== 0 || checkSize === undefined) throw new PickleError("unsupported", "xz: unsupported stream flags");
  const out = new Output(cap, input.length * 4);
  let pos = 12;
  for (;;) {
    need(input, pos, 1);
    const headerSize = input[pos]!;
    if (headerSize === 0) break; // the index: every block has been read
    const end = pos + (headerSize + 1) * 4;
    need(input, pos, end - pos);
    const flags = input[pos + 1]!;
    const at = { pos: pos + 2 };
    if (flags & 0x40) vli(input, at); // compressed size
    if (flags & 0x80) vli(input, at); // uncompressed size
    if ((flags & 0x03) !== 0) throw new PickleError("unsupported", "xz: filters other than LZMA2 are not supported");
    const filter = vli(input, at);
    const propsSize = vli(input, at);
    if (filter !== 0x21 || propsSize !== 1) throw new PickleError("unsupported", "xz: filters other than LZMA2 are not supported");
    if (at.pos + 1 > end - 4) throw malformed("xz: bad block header");
    pos = lzma2(input, end, out);
    while ((pos & 3) !== 0) pos++; // block padding
    pos += checkSize;
  }
  return out.result();
}

/** LZMA2 chunks until the end byte; returns the position after it. */
function lzma2(input: Uint8Array, start: number, out: Output): number {
  let pos = start;
  let lz: LzmaState | null = null;
  let first = true;
  for (;;) {
    need(input, pos, 1);
    const c = input[pos++]!;
    if (c === 0) return pos;
    if (c === 1 || c === 2) {
      need(input, pos, 2);
      const size = ((input[pos]! << 8) | input[pos + 1]!) + 1;
      pos += 2;
      need(input, pos, size);
      if (c === 1) out.dictStart = out.pos;
      else if (first) throw malformed("lzma2: first chunk does not reset the dictionary");
      out.putBytes(input.subarray(pos, pos + size));
      pos += size;
      first = false;
      continue;
    }
    if (c < 0x80) throw malformed("lzma2: bad chunk header");
    need(input, pos, 4);
    const unpacked = ((c & 0x1f) << 16) + (input[pos]! << 8) + input[pos + 1]! + 1;
    const packed = (input[pos + 2]! << 8) + input[pos + 3]! + 1;
    pos += 4;
    const reset = (c >>> 5) & 3;
    if (first && reset !== 3) throw malformed("lzma2: first chunk does not reset the dictionary");
    if (reset === 3) out.dictStart = out.pos;
    if (reset >= 2) {
      need(input, pos, 1);
      const props = parseProps(input[pos++]!);
      if (props.lc + props.lp > 4) throw malformed("lzma2: lc + lp above 4");
      lz = new LzmaState(props);
    } else if (!lz) throw malformed("lzma2: chunk without properties");
    else if (reset === 1) lz = new LzmaState(lz.props);
    need(input, pos, packed);
    lz.decode(input, pos, pos + packed, out, unpacked);
    pos += packed;
    first = false;
  }
}

/** The legacy .lzma header: properties byte, dictionary size (u32 LE), uncompressed size (u64 LE, all ones: unknown). */
export function unlzmaAlone(input: Uint8Array, cap: number): Uint8Array {
  need(input, 0, 13);
  const props = parseProps(input[0]!);
  let unknown = true;
  let size = 0;
  for (let i = 0; i < 8; i++) {
    if (input[5 + i] !== 0xff) unknown = false;
  }
  if (!unknown) {
    for (let i = 7; i >= 0; i--) size = size * 256 + input[5 + i]!;
    if (size > cap) throw new PickleError("too_large", `decompressed size exceeds ${cap} bytes`);
  }
  const out = new Output(cap, input.length * 4); // grows as data arrives: a header's size is only a claim
  new LzmaState(props).decode(input, 13, input.length, out, unknown ? null : size);
  return out.result();
}
