import { PickleError, tooLarge } from "./errors";

/** A bounds-checked cursor over the input. Every length is checked against the remaining input before use. */
export class ByteReader {
  pos: number;
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get remaining(): number {
    return this.bytes.length - this.pos;
  }
  private need(n: number, what: string): void {
    if (!Number.isSafeInteger(n) || n < 0) throw tooLarge(`${what}: invalid length ${n}`);
    if (n > this.remaining) {
      throw new PickleError("truncated", `${what}: needs ${n} bytes at offset ${this.pos}, ${this.remaining} left`);
    }
  }
  u8(what = "byte"): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }
  u16(what = "u16"): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  u32(what = "u32"): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  i32(what = "i32"): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  /** Unsigned 64-bit length; anything beyond the remaining input is refused before allocation. */
  u64Length(what = "u64"): number {
    this.need(8, what);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    if (v > BigInt(this.remaining)) {
      throw new PickleError("truncated", `${what}: declared length ${v} exceeds the ${this.remaining} remaining bytes`);
    }
    return Number(v);
  }
  f64be(what = "float"): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, false);
    this.pos += 8;
    return v;
  }
  /** A subarray view (no copy). */
  take(n: number, what = "data"): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** Bytes up to (excluding) the next newline, which is consumed. Bounded by maxLen. */
  line(what = "line", maxLen = 1 << 20): Uint8Array {
    const end = Math.min(this.bytes.length, this.pos + maxLen + 1);
    for (let i = this.pos; i < end; i++) {
      if (this.bytes[i] === 0x0a) {
        // A protocol-0 pickle saved in text mode on Windows ends its lines with CRLF: the CR is not data.
        const out = this.bytes.subarray(this.pos, i > this.pos && this.bytes[i - 1] === 0x0d ? i - 1 : i);
        this.pos = i + 1;
        return out;
      }
    }
    if (end === this.bytes.length) throw new PickleError("truncated", `${what}: missing newline`);
    throw tooLarge(`${what}: line longer than ${maxLen} bytes`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: false });
export const decodeUtf8 = (b: Uint8Array): string => utf8.decode(b);
export function decodeLatin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) {
    s += String.fromCharCode.apply(null, Array.from(b.subarray(i, i + 8192)));
  }
  return s;
}
