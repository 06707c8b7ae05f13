/**
 * A bounded reader of Universal Binary JSON (draft 12), the format XGBoost ≥ 1.6 serialises a booster
 * in (the raw bytes its scikit-learn wrapper pickles as `_Booster.handle`). Plain data only: objects
 * become Maps, typed arrays (`[$d#L…`) become Float64Array / Int32Array / Uint8Array; every length is
 * checked against the bytes left and the nesting depth is bounded.
 */
export type UbValue = null | boolean | number | bigint | string | UbValue[] | Float64Array | Int32Array | Uint8Array | Map<string, UbValue>;

const MAX_DEPTH = 64;

export class UbjsonError extends Error {}

export function readUbjson(bytes: Uint8Array): UbValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const fail = (why: string): never => {
    throw new UbjsonError(`UBJSON at byte ${pos}: ${why}`);
  };
  const need = (n: number) => {
    if (n < 0 || pos + n > bytes.length) fail("truncated");
  };
  const u8 = () => {
    need(1);
    return bytes[pos++]!;
  };
  const marker = () => {
    let m = u8();
    while (m === 0x4e /* N: no-op */) m = u8();
    return String.fromCharCode(m);
  };

  function scalar(type: string): number | bigint {
    switch (type) {
      case "i": need(1); return view.getInt8(pos++);
      case "U": need(1); return view.getUint8(pos++);
      case "I": need(2); pos += 2; return view.getInt16(pos - 2);
      case "l": need(4); pos += 4; return view.getInt32(pos - 4);
      case "L": {
        need(8);
        pos += 8;
        const v = view.getBigInt64(pos - 8);
        return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
      }
      case "d": need(4); pos += 4; return view.getFloat32(pos - 4);
      case "D": need(8); pos += 8; return view.getFloat64(pos - 8);
      default: return fail(`unknown number type ${JSON.stringify(type)}`);
    }
  }
  const count = (type = marker()): number => {
    const n = scalar(type);
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > bytes.length - pos + 1) fail("bad length");
    return n as number;
  };
  const text = (n: number) => {
    need(n);
    const s = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(pos, pos + n));
    pos += n;
    return s;
  };
  const width: Record<string, number> = { i: 1, U: 1, I: 2, l: 4, L: 8, d: 4, D: 8, C: 1 };

  function typedArray(type: string, n: number): UbValue {
    const w = width[type];
    if (w === undefined) {
      // Containers or strings of one declared type: read each one.
      const out: UbValue[] = [];
      for (let i = 0; i < n; i++) out.push(value(type, 0));
      return out;
    }
    need(n * w);
    if (type === "d" || type === "D") {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = type === "d" ? view.getFloat32(pos + i * 4) : view.getFloat64(pos + i * 8);
      pos += n * w;
      return out;
    }
    if (type === "U" || type === "C") {
      const out = bytes.slice(pos, pos + n);
      pos += n;
      return out;
    }
    if (type === "L") {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = Number(view.getBigInt64(pos + i * 8));
      pos += n * 8;
      return out;
    }
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = type === "i" ? view.getInt8(pos + i) : type === "I" ? view.getInt16(pos + i * 2) : view.getInt32(pos + i * 4);
    pos += n * w;
    return out;
  }

  function value(m: string, depth: number): UbValue {
    if (depth > MAX_DEPTH) fail("nested too deeply");
    switch (m) {
      case "Z": return null;
      case "T": return true;
      case "F": return false;
      case "C": return String.fromCharCode(u8());
      case "S": return text(count());
      case "H": return Number(text(count()));
      case "[": {
        let m2 = marker();
        let type: string | null = null;
        if (m2 === "$") {
          type = marker();
          m2 = marker();
          if (m2 !== "#") fail("a typed array needs a count");
        }
        if (m2 === "#") {
          const n = count();
          return type ? typedArray(type, n) : Array.from({ length: n }, () => value(marker(), depth + 1));
        }
        const out: UbValue[] = [];
        while (m2 !== "]") {
          out.push(value(m2, depth + 1));
          m2 = marker();
        }
        return out;
      }
      case "{": {
        const out = new Map<string, UbValue>();
        let m2 = marker();
        let type: string | null = null;
        let n = -1;
        if (m2 === "$") {
          type = marker();
          m2 = marker();
        }
        if (m2 === "#") n = count();
        else if (type) fail("a typed object needs a count");
        for (let i = 0; n < 0 || i < n; i++) {
          if (n < 0) {
            if (i > 0 || m2 === "#") m2 = marker();
            if (m2 === "}") break;
          }
          const key = text(count(n < 0 ? m2 : marker()));
          out.set(key, value(type ?? marker(), depth + 1));
        }
        return out;
      }
      default:
        if (m in width) return scalar(m);
        return fail(`unknown marker ${JSON.stringify(m)}`);
    }
  }

  const root = value(marker(), 0);
  return root;
}
