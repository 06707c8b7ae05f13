/**
 * Copies and stored text of a loop's model (learner and monitor: plain JSON data).
 *
 * Copies: training works on a copy of the cached model (copy on write), one per /train/ request, so
 * copying must be cheap. cloneJson copies objects and arrays only (arrays of primitives in one slice):
 * two to five times faster than structuredClone on a monitor's rings.
 *
 * Stored text: JSON, except that long arrays of numbers (the monitor's rings, the series, weight rows)
 * are stored as base64 of their binary values (or as a small dictionary and bit-packed indexes), long
 * arrays of flat records (the series points) by column, and an array equal to one stored before in the
 * same text (a target ring kept by two trackers) as a reference to it. A monitor of 100 kB as JSON text,
 * mostly digits, packs to about a third of that in half the time JSON.stringify takes, and Postgres has
 * that much less to write on every commit. Decoding
 * gives exactly what JSON.parse(JSON.stringify(value)) gives: numbers that JSON cannot hold (NaN, ±∞)
 * become null and −0 becomes 0, as JSON would have it. Text without the packed marker is read as plain
 * JSON, so rows stored before packing still load.
 */

export function cloneJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out = value.slice();
    for (let i = 0; i < out.length; i++) {
      const v: unknown = out[i];
      if (typeof v === "object" && v !== null) out[i] = cloneJson(v);
    }
    return out as T;
  }
  // Spread defines own data properties, so keys such as "__proto__" are copied as keys, in order.
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(out)) {
    const v = out[key];
    if (typeof v === "object" && v !== null) out[key] = cloneJson(v);
  }
  return out as T;
}


// ---------------------------------------------------------------------------------------------------
// Packed text

/**
 * Marks packed text: `{"$packed":1,"value":…}`. Inside, the packed forms are objects with keys that
 * start with "$"; a state's own keys that start with "$" (field names and category values are user
 * data) are stored with one more "$", so the two never meet.
 */
const MARK = "$packed";
/** Arrays shorter than this stay JSON: packing pays off on the rings and weight rows. */
const MIN_PACKED = 32;

/**
 * An array of numbers (and nulls) as base64 of int8, int32 or float64 values, or, when it holds few
 * distinct values (a rolling accuracy, a baseline's two log-losses, class indexes), as a dictionary of
 * float64 values and each element's index in it on 1, 2, 4 or 8 bits. Nulls are listed by position.
 */
interface PackedNumbers {
  $n: "i8" | "i32" | "f64" | "dict";
  b: string;
  /** dict: the distinct values (float64, base64), the bits per index and the length. */
  d?: string;
  bits?: number;
  n?: number;
  nulls?: number[];
}

/** An array of records with the same keys and primitive values, by column. */
interface PackedRows {
  $rows: string[];
  cols: unknown[];
}

/** A packed array equal to an earlier one in the same text (a target ring kept by two trackers): its index among the packed arrays. */
interface SameNumbers {
  $same: number;
}

/** Packed arrays of one text, in the order they are written (and read back), to spot repeats: by a short fingerprint, then compared whole. */
interface Packing {
  seen: Map<string, { packed: PackedNumbers; at: number }[]>;
  count: number;
}

export function packText(value: unknown): string {
  return JSON.stringify({ [MARK]: 1, value: pack(value, { seen: new Map(), count: 0 }) });
}

export function unpackText<T>(text: string): T {
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) && Object.hasOwn(parsed, MARK)) {
    return unpack((parsed as { value: unknown }).value, []) as T;
  }
  return parsed as T;
}

/** Numbers packed, or a reference to an equal array packed earlier in this text. */
function packedOrSame(packed: PackedNumbers | null, packing: Packing): PackedNumbers | SameNumbers | null {
  if (packed === null) return null;
  const at = packing.count++;
  const { b } = packed;
  const fingerprint = `${packed.$n}|${b.length}|${b.slice(0, 48)}|${b.slice(-48)}`;
  const candidates = packing.seen.get(fingerprint);
  const same = candidates?.find((c) => c.packed.b === b && c.packed.d === packed.d && c.packed.bits === packed.bits && c.packed.n === packed.n && sameList(c.packed.nulls, packed.nulls));
  if (same) return { $same: same.at };
  if (candidates) candidates.push({ packed, at });
  else packing.seen.set(fingerprint, [{ packed, at }]);
  return packed;
}

function sameList(a: number[] | undefined, b: number[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Scratch for packNumbers: the values as float64, grown as needed (packing is synchronous). */
let scratch = new Float64Array(1024);

/** As JSON would store a number: non-finite numbers become null, −0 becomes 0. */
const jsonNumber = (x: number): number | null => (Number.isFinite(x) ? x + 0 : null);

function pack(value: unknown, packing: Packing): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    if (value.length >= MIN_PACKED) {
      const numbers = packedOrSame(packNumbers(value), packing);
      if (numbers !== null) return numbers;
      const rows = packRows(value, packing);
      if (rows !== null) return rows;
    }
    return value.map((v) => pack(v, packing));
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return value; // as JSON.stringify would call it
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue; // as JSON.stringify
    setKey(out, key.startsWith("$") ? `$${key}` : key, pack(v, packing));
  }
  return out;
}

function packNumbers(values: unknown[]): PackedNumbers | null {
  let small = true;
  let int32 = true;
  let nulls: number[] | undefined;
  const n = values.length;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  const numbers = scratch.subarray(0, n);
  numbers.fill(0);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || (typeof v === "number" && !Number.isFinite(v))) {
      (nulls ??= []).push(i);
      continue;
    }
    if (typeof v !== "number") return null;
    const x = v + 0; // −0 is stored as 0, as JSON would
    numbers[i] = x;
    if (!Number.isInteger(x) || x < -2147483648 || x > 2147483647) int32 = small = false;
    else if (x < -128 || x > 127) small = false;
  }
  const packed = small ? plain("i8", Int8Array.from(numbers)) : (dictionary(numbers, int32 ? 4 : 8) ?? (int32 ? plain("i32", Int32Array.from(numbers)) : plain("f64", numbers)));
  if (nulls) packed.nulls = nulls;
  return packed;
}

const base64 = (array: Int8Array | Uint8Array | Int32Array | Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");

function plain(kind: "i8" | "i32" | "f64", array: Int8Array | Int32Array | Float64Array): PackedNumbers {
  return { $n: kind, b: base64(array) };
}

/** The dictionary form, when it is smaller than `bytesEach` bytes per value; else null. */
function dictionary(numbers: Float64Array, bytesEach: number): PackedNumbers | null {
  const index = new Map<number, number>();
  const distinct: number[] = [];
  const codes = new Uint8Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    const x = numbers[i]!;
    let code = index.get(x);
    if (code === undefined) {
      if (distinct.length === 256) return null;
      code = distinct.push(x) - 1;
      index.set(x, code);
    }
    codes[i] = code;
  }
  const bits = distinct.length <= 2 ? 1 : distinct.length <= 4 ? 2 : distinct.length <= 16 ? 4 : 8;
  if (8 * distinct.length + (numbers.length * bits) / 8 >= numbers.length * bytesEach) return null;
  const perByte = 8 / bits;
  const packedCodes = new Uint8Array(Math.ceil(numbers.length / perByte));
  for (let i = 0; i < codes.length; i++) packedCodes[Math.floor(i / perByte)]! |= codes[i]! << ((i % perByte) * bits);
  return { $n: "dict", b: base64(packedCodes), d: base64(Float64Array.from(distinct)), bits, n: numbers.length };
}

function packRows(values: unknown[], packing: Packing): PackedRows | null {
  const first = values[0];
  if (typeof first !== "object" || first === null || Array.isArray(first)) return null;
  const keys = Object.keys(first);
  if (keys.length === 0) return null;
  const columns: unknown[][] = keys.map(() => new Array<unknown>(values.length));
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    if (typeof row !== "object" || row === null || Array.isArray(row) || Object.getPrototypeOf(row) !== Object.prototype) return null;
    const rowKeys = Object.keys(row);
    if (rowKeys.length !== keys.length) return null;
    for (let k = 0; k < keys.length; k++) {
      if (rowKeys[k] !== keys[k]) return null;
      const v = (row as Record<string, unknown>)[keys[k]!];
      if (v !== null && typeof v !== "number" && typeof v !== "string" && typeof v !== "boolean") return null;
      columns[k]![i] = v;
    }
  }
  return { $rows: keys.map((key) => (key.startsWith("$") ? `$${key}` : key)), cols: columns.map((column) => packedOrSame(packNumbers(column), packing) ?? column) };
}

/** A key as an own data property, "__proto__" included. */
function setKey(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

function isPackedNumbers(v: object): v is PackedNumbers {
  return Object.hasOwn(v, "$n");
}

function isSame(v: object): v is SameNumbers {
  return Object.hasOwn(v, "$same");
}

function isPackedRows(v: object): v is PackedRows {
  return Object.hasOwn(v, "$rows");
}

/** `unpacked`: the arrays of packed numbers read so far in this text, in order, for $same references. */
function unpack(value: unknown, unpacked: (number | null)[][]): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = unpack(value[i], unpacked);
    return value;
  }
  if (isPackedNumbers(value) || isSame(value)) return unpackNumbers(value, unpacked);
  if (isPackedRows(value)) return unpackRows(value, unpacked);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!keys.some((key) => key.startsWith("$"))) {
    for (const key of keys) record[key] = unpack(record[key], unpacked);
    return record;
  }
  const out: Record<string, unknown> = {}; // rebuilt, so that renamed keys keep their place
  for (const key of keys) setKey(out, key.startsWith("$$") ? key.slice(1) : key, unpack(record[key], unpacked));
  return out;
}

/** A typed-array view needs an aligned buffer: copy the decoded bytes into a fresh one. */
function bytesOf(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, "base64");
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}

function unpackNumbers(packed: PackedNumbers | SameNumbers, unpacked: (number | null)[][]): (number | null)[] {
  if (isSame(packed)) {
    const out = unpacked[packed.$same]!.slice(); // an equal array, never the same one
    unpacked.push(out);
    return out;
  }
  const { $n: kind, b, d, bits, n: length, nulls } = packed;
  let out: (number | null)[];
  if (kind === "dict") {
    const distinct = new Float64Array(bytesOf(d!));
    const codes = new Uint8Array(bytesOf(b));
    const perByte = 8 / bits!;
    const mask = (1 << bits!) - 1;
    const n = length!;
    out = new Array<number | null>(n);
    for (let i = 0; i < n; i++) out[i] = distinct[(codes[Math.floor(i / perByte)]! >> ((i % perByte) * bits!)) & mask]!;
  } else {
    const buffer = bytesOf(b);
    out = Array.from(kind === "i8" ? new Int8Array(buffer) : kind === "i32" ? new Int32Array(buffer) : new Float64Array(buffer));
  }
  if (nulls) for (const i of nulls) out[i] = null;
  unpacked.push(out);
  return out;
}

function unpackRows({ $rows: stored, cols }: PackedRows, unpacked: (number | null)[][]): Record<string, unknown>[] {
  const keys = stored.map((key) => (key.startsWith("$$") ? key.slice(1) : key));
  const columns = cols.map((c) => (typeof c === "object" && c !== null && !Array.isArray(c) && (isPackedNumbers(c) || isSame(c)) ? unpackNumbers(c, unpacked) : (c as unknown[])));
  const n = columns[0]?.length ?? 0;
  const out = new Array<Record<string, unknown>>(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) setKey(row, keys[k]!, columns[k]![i]);
    out[i] = row;
  }
  return out;
}
