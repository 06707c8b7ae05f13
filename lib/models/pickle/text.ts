/** Decoders for the text arguments of protocol 0/1 opcodes (INT, LONG, FLOAT, STRING, UNICODE). */
import { PickleError, malformed, tooLarge } from "./errors";
import { decodeLatin1 } from "./bytes-reader";

/** Python ints become JS numbers when safe, bigints otherwise. */
export const intValue = (v: bigint): number | bigint =>
  v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;

const MAX_DIGITS = 4300; // CPython's default int/str conversion limit

export function parseIntText(raw: Uint8Array, allowL: boolean): number | bigint {
  let s = decodeLatin1(raw).trim();
  if (allowL && s.endsWith("L")) s = s.slice(0, -1);
  if (!/^[+-]?\d+$/.test(s)) throw malformed(`bad integer literal ${JSON.stringify(s.slice(0, 40))}`);
  if (s.length > MAX_DIGITS) throw tooLarge(`integer literal longer than ${MAX_DIGITS} digits`);
  return intValue(BigInt(s));
}

export function parseFloatText(raw: Uint8Array): number {
  const s = decodeLatin1(raw).trim();
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) throw malformed(`bad float literal ${JSON.stringify(s.slice(0, 40))}`);
  return Number(s);
}

/** Little-endian two's-complement (LONG1 / LONG4). */
export function decodeLong(bytes: Uint8Array): number | bigint {
  if (bytes.length === 0) return 0;
  if (bytes.length > 4096) throw tooLarge(`LONG of ${bytes.length} bytes`);
  let hex = "";
  for (let i = bytes.length - 1; i >= 0; i--) hex += bytes[i]!.toString(16).padStart(2, "0");
  let v = BigInt("0x" + hex);
  if (bytes[bytes.length - 1]! & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return intValue(v);
}

/** STRING: a Python repr of a str, quoted with ' or ", with backslash escapes. Result: latin1 string. */
export function parseStringRepr(raw: Uint8Array): string {
  const s = decodeLatin1(raw);
  const q = s[0];
  if (s.length < 2 || (q !== "'" && q !== '"') || s[s.length - 1] !== q) throw malformed("STRING: not quoted");
  const body = s.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n === undefined) throw malformed("STRING: dangling backslash");
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", v: "\v", "\n": "" };
    if (n in simple) out += simple[n];
    else if (n === "x") {
      const h = body.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) throw malformed("STRING: bad \\x escape");
      out += String.fromCharCode(parseInt(h, 16));
      i += 2;
    } else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? "")) oct += body[++i];
      out += String.fromCharCode(parseInt(oct, 8) & 0xff);
    } else out += "\\" + n;
  }
  return out;
}

/** UNICODE: raw-unicode-escape (only \uXXXX and \UXXXXXXXX are escapes; other bytes are latin1). */
export function parseRawUnicodeEscape(raw: Uint8Array): string {
  const s = decodeLatin1(raw);
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g, (_m, e: string) => {
    const cp = parseInt(e.slice(1), 16);
    if (cp > 0x10ffff) throw new PickleError("malformed", "UNICODE: code point out of range");
    return String.fromCodePoint(cp);
  });
}
