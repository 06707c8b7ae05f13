/**
 * A bounded LZMA / LZMA2 decoder (the algorithm of the LZMA specification, LzmaSpec.cpp in the LZMA
 * SDK) for joblib's xz and lzma compressions: Node has no codec for them. The whole output is the
 * dictionary, so its size is the only memory used; it never grows past the caller's cap.
 */
import { PickleError, malformed, tooLarge } from "../errors";

const PROB_INIT = 1024;

export class Output {
  buf: Uint8Array;
  pos = 0;
  /** Where the last dictionary reset happened: matches may not reach before it. */
  dictStart = 0;
  constructor(
    private readonly cap: number,
    initial: number,
  ) {
    // Start from a guess (at most 64 MiB), doubling as data arrives: never more than the cap.
    this.buf = new Uint8Array(Math.min(Math.max(initial, 1 << 16), cap, 64 << 20));
  }
  private grow(need: number): void {
    if (need > this.cap) throw tooLarge(`decompressed size exceeds ${this.cap} bytes`);
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(Math.min(size, this.cap));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
  put(b: number): void {
    if (this.pos >= this.buf.length) this.grow(this.pos + 1);
    this.buf[this.pos++] = b;
  }
  putBytes(src: Uint8Array): void {
    if (this.pos + src.length > this.buf.length) this.grow(this.pos + src.length);
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }
  /** Copies `len` bytes from `dist` bytes back (dist ≥ 1), byte by byte as matches may overlap. */
  copy(dist: number, len: number): void {
    if (dist > this.pos - this.dictStart || dist < 1) throw malformed("lzma: match distance before the start of the data");
    if (this.pos + len > this.buf.length) this.grow(this.pos + len);
    const b = this.buf;
    for (let i = 0; i < len; i++, this.pos++) b[this.pos] = b[this.pos - dist]!;
  }
  back(dist: number): number {
    return this.pos - this.dictStart >= dist ? this.buf[this.pos - dist]! : 0;
  }
  result(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

/**
 * The range decoder. `range` and `code` are unsigned 32-bit values kept as int32 (so V8 keeps them
 * small integers): unsigned comparisons flip the sign bit first.
 */
const MIN = -0x80000000;
class RangeDecoder {
  range = -1; // 0xFFFFFFFF
  code = 0;
  pos: number;
  constructor(
    private readonly input: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
    if (this.byte() !== 0) throw malformed("lzma: bad range coder start");
    for (let i = 0; i < 4; i++) this.code = (this.code << 8) | this.byte();
    if (this.code === this.range) throw malformed("lzma: corrupted data");
  }
  byte(): number {
    if (this.pos >= this.end) throw new PickleError("truncated", "compressed data ended early");
    return this.input[this.pos++]!;
  }
  bit(probs: Uint16Array, i: number): number {
    const p = probs[i]!;
    const bound = Math.imul(this.range >>> 11, p);
    let bit: number;
    if ((this.code ^ MIN) < (bound ^ MIN)) {
      probs[i] = p + ((2048 - p) >>> 5);
      this.range = bound;
      bit = 0;
    } else {
      probs[i] = p - (p >>> 5);
      this.code = (this.code - bound) | 0;
      this.range = (this.range - bound) | 0;
      bit = 1;
    }
    if (this.range >>> 24 === 0) {
      this.range <<= 8;
      this.code = (this.code << 8) | this.byte();
    }
    return bit;
  }
  direct(n: number): number {
    let res = 0;
    for (let i = 0; i < n; i++) {
      this.range = this.range >>> 1;
      let b = 0;
      if ((this.code ^ MIN) >= (this.range ^ MIN)) {
        this.code = (this.code - this.range) | 0;
        b = 1;
      }
      if (this.range >>> 24 === 0) {
        this.range <<= 8;
        this.code = (this.code << 8) | this.byte();
      }
      res = ((res << 1) | b) >>> 0;
    }
    return res;
  }
  tree(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) + this.bit(probs, offset + m);
    return m - (1 << bits);
  }
  reverse(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    let sym = 0;
    for (let i = 0; i < bits; i++) {
      const b = this.bit(probs, offset + m);
      m = (m << 1) + b;
      sym |= b << i;
    }
    return sym;
  }
  finishedOk(): boolean {
    return this.code === 0;
  }
}

/** Length coder: choice, choice2, 16 low and 16 mid 3-bit trees, one 8-bit high tree. */
const LEN_PROBS = 2 + 16 * 8 + 16 * 8 + 256;
function decodeLen(rc: RangeDecoder, p: Uint16Array, o: number, posState: number): number {
  if (rc.bit(p, o) === 0) return rc.tree(p, o + 2 + posState * 8, 3);
  if (rc.bit(p, o + 1) === 0) return 8 + rc.tree(p, o + 2 + 128 + posState * 8, 3);
  return 16 + rc.tree(p, o + 2 + 256, 8);
}

// Offsets into one probability array.
const IS_MATCH = 0;
const IS_REP = IS_MATCH + 192;
const IS_REP_G0 = IS_REP + 12;
const IS_REP_G1 = IS_REP_G0 + 12;
const IS_REP_G2 = IS_REP_G1 + 12;
const IS_REP0_LONG = IS_REP_G2 + 12;
const POS_SLOT = IS_REP0_LONG + 192;
const POS_SPECIAL = POS_SLOT + 4 * 64;
const ALIGN = POS_SPECIAL + 115;
const LEN = ALIGN + 16;
const REP_LEN = LEN + LEN_PROBS;
const LITERAL = REP_LEN + LEN_PROBS;

export interface Props {
  lc: number;
  lp: number;
  pb: number;
}

export function parseProps(b: number): Props {
  if (b >= 9 * 5 * 5) throw malformed("lzma: bad properties byte");
  const lc = b % 9;
  const lp = Math.floor(b / 9) % 5;
  const pb = Math.floor(b / 45);
  return { lc, lp, pb };
}

/** The LZMA state that LZMA2 chunks carry over unless they reset it. */
export class LzmaState {
  probs: Uint16Array;
  state = 0;
  reps = [0, 0, 0, 0];
  constructor(public props: Props) {
    this.probs = new Uint16Array(LITERAL + (0x300 << (props.lc + props.lp))).fill(PROB_INIT);
  }

  /**
   * Decodes until `size` bytes are out (null: until the end marker). Returns the input position after
   * the data.
   */
  decode(input: Uint8Array, start: number, end: number, out: Output, size: number | null): number {
    const rc = new RangeDecoder(input, start, end);
    const p = this.probs;
    const { lc, lp, pb } = this.props;
    const pbMask = (1 << pb) - 1;
    const lpMask = (1 << lp) - 1;
    let { state } = this;
    let [rep0, rep1, rep2, rep3] = this.reps as [number, number, number, number];
    const stop = size === null ? Infinity : out.pos + size;
    for (;;) {
      if (out.pos === stop) break;
      const at = out.pos - out.dictStart;
      const posState = at & pbMask;
      if (rc.bit(p, IS_MATCH + (state << 4) + posState) === 0) {
        const prev = out.back(1);
        const base = LITERAL + 0x300 * (((at & lpMask) << lc) + (prev >>> (8 - lc)));
        let sym = 1;
        if (state >= 7) {
          let matchByte = out.back(rep0 + 1);
          do {
            const matchBit = (matchByte >>> 7) & 1;
            matchByte <<= 1;
            const b = rc.bit(p, base + ((1 + matchBit) << 8) + sym);
            sym = (sym << 1) | b;
            if (matchBit !== b) break;
          } while (sym < 0x100);
        }
        while (sym < 0x100) sym = (sym << 1) | rc.bit(p, base + sym);
        out.put(sym - 0x100);
        state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
        continue;
      }
      let len: number;
      if (rc.bit(p, IS_REP + state) !== 0) {
        if (out.pos === out.dictStart) throw malformed("lzma: repeat match at the start of the data");
        if (rc.bit(p, IS_REP_G0 + state) === 0) {
          if (rc.bit(p, IS_REP0_LONG + (state << 4) + posState) === 0) {
            state = state < 7 ? 9 : 11;
            out.copy(rep0 + 1, 1);
            continue;
          }
        } else {
          let dist: number;
          if (rc.bit(p, IS_REP_G1 + state) === 0) dist = rep1;
          else {
            if (rc.bit(p, IS_REP_G2 + state) === 0) dist = rep2;
            else {
              dist = rep3;
              rep3 = rep2;
            }
            rep2 = rep1;
          }
          rep1 = rep0;
          rep0 = dist;
        }
        len = decodeLen(rc, p, REP_LEN, posState);
        state = state < 7 ? 8 : 11;
      } else {
        rep3 = rep2;
        rep2 = rep1;
        rep1 = rep0;
        len = decodeLen(rc, p, LEN, posState);
        state = state < 7 ? 7 : 10;
        rep0 = this.distance(rc, len);
        if (rep0 === 0xffffffff) {
          if (size !== null || !rc.finishedOk()) throw malformed("lzma: unexpected end marker");
          break;
        }
      }
      len += 2;
      if (out.pos + len > stop) throw malformed("lzma: data longer than declared");
      out.copy(rep0 + 1, len);
    }
    this.state = state;
    this.reps = [rep0, rep1, rep2, rep3];
    return rc.pos;
  }

  private distance(rc: RangeDecoder, len: number): number {
    const p = this.probs;
    const slot = rc.tree(p, POS_SLOT + Math.min(len, 3) * 64, 6);
    if (slot < 4) return slot;
    const direct = (slot >>> 1) - 1;
    let dist = ((2 | (slot & 1)) << direct) >>> 0;
    if (slot < 14) return (dist + rc.reverse(p, POS_SPECIAL + dist - slot, direct)) >>> 0;
    dist = (dist + ((rc.direct(direct - 4) << 4) >>> 0)) >>> 0;
    return (dist + rc.reverse(p, ALIGN, 4)) >>> 0;
  }
}
