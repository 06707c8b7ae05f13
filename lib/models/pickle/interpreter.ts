/**
 * The pickle opcode interpreter (protocols 0–5). A single loop over the opcodes, no recursion;
 * globals are resolved against the whitelist when read, and calls / BUILDs only produce data.
 */
import { ByteReader, decodeLatin1, decodeUtf8 } from "./bytes-reader";
import { PickleError, malformed, tooLarge } from "./errors";
import { buildValue, callGlobal, instantiate, newObject } from "./globals";
import type { NumpyCtx } from "./numpy";
import { decodeLong, parseFloatText, parseIntText, parseRawUnicodeEscape, parseStringRepr } from "./text";
import { type PyDict, type PyValue, isDict, isList, isObject, isSet, tuple } from "./values";
import { resolveGlobal } from "./whitelist";

export interface RunCtx extends NumpyCtx {
  /** Counts executed opcodes across nested runs. */
  opcodes: number;
  /** The first scikit-learn class and `_sklearn_version` met, so a refusal can name what the file holds. */
  seen?: { className?: string; sklearnVersion?: string };
}

export interface InterpreterHooks {
  /** Called after each BUILD with the built value; may read raw bytes and return a replacement. */
  afterBuild?(value: PyValue, reader: ByteReader): PyValue | undefined;
}

export interface PickleRun {
  value: PyValue;
  /** Highest PROTO seen (0 when the stream has no PROTO opcode). */
  protocol: number;
}

const REFUSED_OPCODES: Record<number, string> = {
  0x50: "PERSID",
  0x51: "BINPERSID",
  0x82: "EXT1",
  0x83: "EXT2",
  0x84: "EXT4",
  0x97: "NEXT_BUFFER",
  0x98: "READONLY_BUFFER",
};

const asciiName = (b: Uint8Array): string => decodeUtf8(b);

export function runPickle(reader: ByteReader, ctx: RunCtx, hooks: InterpreterHooks = {}): PickleRun {
  const { limits } = ctx;
  const stack: PyValue[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PyValue>();
  let protocol = 0;

  const base = () => (marks.length ? marks[marks.length - 1]! : 0);
  const push = (v: PyValue) => {
    if (stack.length >= limits.maxStackSize) throw tooLarge(`stack larger than ${limits.maxStackSize}`);
    // The value pushed right after the key: known even when the file fails before its SETITEMS.
    if (ctx.seen && typeof v === "string" && stack[stack.length - 1] === "_sklearn_version") ctx.seen.sklearnVersion ??= v;
    stack.push(v);
  };
  const pop = (): PyValue => {
    if (stack.length <= base()) throw malformed("stack underflow");
    return stack.pop()!;
  };
  const top = (): PyValue => {
    if (stack.length <= base()) throw malformed("stack underflow");
    return stack[stack.length - 1]!;
  };
  const popMark = (): PyValue[] => {
    const m = marks.pop();
    if (m === undefined) throw malformed("no MARK on the stack");
    return stack.splice(m);
  };
  const memoPut = (i: number, v: PyValue) => {
    if (!memo.has(i) && memo.size >= limits.maxMemoSize) throw tooLarge(`memo larger than ${limits.maxMemoSize}`);
    memo.set(i, v);
  };
  const memoGet = (i: number): PyValue => {
    const v = memo.get(i);
    if (v === undefined) throw malformed(`memo entry ${i} missing`);
    return v;
  };
  const pushGlobal = (module: string, name: string) => {
    const g = resolveGlobal(module, name);
    if (ctx.seen && !ctx.seen.className && g.name.startsWith("sklearn.") && (g.kind === "class" || g.kind === "inert")) ctx.seen.className = g.name;
    push({ $kind: "global", name: g.name });
  };
  const setItems = (target: PyValue, items: PyValue[]) => {
    // A dict subclass (scikit-learn's Bunch) is an object record whose items follow its NEWOBJ.
    const dict = isObject(target) ? (target.dictItems ??= new Map()) : target;
    if (!isDict(dict)) throw malformed("SETITEM(S) on a non-dict");
    if (items.length % 2) throw malformed("SETITEMS with an odd number of items");
    for (let i = 0; i < items.length; i += 2) {
      if (ctx.seen && items[i] === "_sklearn_version" && typeof items[i + 1] === "string") ctx.seen.sklearnVersion ??= items[i + 1] as string;
      (dict as PyDict).set(items[i]!, items[i + 1]!);
    }
  };
  const appendItems = (target: PyValue, items: PyValue[]) => {
    const list = isObject(target) ? (target.listItems ??= []) : target;
    if (!isList(list)) throw malformed("APPEND(S) on a non-list");
    for (const it of items) list.push(it);
  };
  const textLine = (what: string) => reader.line(what, 5000);
  const doBuild = () => {
    const state = pop();
    const target = top();
    buildValue(target, state, ctx);
    const replacement = hooks.afterBuild?.(target, reader);
    if (replacement !== undefined) stack[stack.length - 1] = replacement;
  };

  for (;;) {
    if (++ctx.opcodes > limits.maxOpcodes) throw tooLarge(`more than ${limits.maxOpcodes} opcodes`);
    const at = reader.pos;
    const op = reader.u8("opcode");
    switch (op) {
      case 0x80: {
        // PROTO
        const p = reader.u8("PROTO");
        if (p > 5) throw new PickleError("unsupported", `pickle protocol ${p}`);
        protocol = Math.max(protocol, p);
        break;
      }
      case 0x95: {
        // FRAME: a hint only; check the length against the input and read straight on.
        const n = reader.u64Length("FRAME");
        void n;
        break;
      }
      case 0x2e: {
        // STOP
        const value = pop();
        return { value, protocol };
      }
      case 0x28: // MARK
        if (marks.length >= limits.maxMarks) throw tooLarge(`more than ${limits.maxMarks} nested MARKs`);
        marks.push(stack.length);
        break;
      case 0x30: // POP
        if (stack.length > base()) stack.pop();
        else popMark();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        push(top());
        break;

      // --- constants
      case 0x4e: push(null); break; // NONE
      case 0x88: push(true); break; // NEWTRUE
      case 0x89: push(false); break; // NEWFALSE
      case 0x4a: push(reader.i32("BININT")); break;
      case 0x4b: push(reader.u8("BININT1")); break;
      case 0x4d: push(reader.u16("BININT2")); break;
      case 0x8a: push(decodeLong(reader.take(reader.u8("LONG1"), "LONG1"))); break;
      case 0x8b: {
        const n = reader.i32("LONG4");
        if (n < 0) throw malformed("LONG4 with negative length");
        push(decodeLong(reader.take(n, "LONG4")));
        break;
      }
      case 0x47: push(reader.f64be("BINFLOAT")); break;
      case 0x49: {
        // INT (text): "00"/"01" are False/True
        const raw = textLine("INT");
        const s = decodeLatin1(raw);
        push(s === "00" ? false : s === "01" ? true : parseIntText(raw, false));
        break;
      }
      case 0x4c: push(parseIntText(textLine("LONG"), true)); break;
      case 0x46: push(parseFloatText(textLine("FLOAT"))); break;

      // --- strings and bytes
      case 0x53: push(parseStringRepr(reader.line("STRING"))); break;
      case 0x56: push(parseRawUnicodeEscape(reader.line("UNICODE"))); break;
      case 0x54: {
        const n = reader.i32("BINSTRING");
        if (n < 0) throw malformed("BINSTRING with negative length");
        push(decodeLatin1(reader.take(n, "BINSTRING")));
        break;
      }
      case 0x55: push(decodeLatin1(reader.take(reader.u8("SHORT_BINSTRING"), "SHORT_BINSTRING"))); break;
      case 0x58: push(decodeUtf8(reader.take(reader.u32("BINUNICODE"), "BINUNICODE"))); break;
      case 0x8c: push(decodeUtf8(reader.take(reader.u8("SHORT_BINUNICODE"), "SHORT_BINUNICODE"))); break;
      case 0x8d: push(decodeUtf8(reader.take(reader.u64Length("BINUNICODE8"), "BINUNICODE8"))); break;
      case 0x42: push(reader.take(reader.u32("BINBYTES"), "BINBYTES").slice()); break;
      case 0x43: push(reader.take(reader.u8("SHORT_BINBYTES"), "SHORT_BINBYTES").slice()); break;
      case 0x8e: push(reader.take(reader.u64Length("BINBYTES8"), "BINBYTES8").slice()); break;
      case 0x96: push(reader.take(reader.u64Length("BYTEARRAY8"), "BYTEARRAY8").slice()); break;

      // --- containers
      case 0x29: push(tuple([])); break; // EMPTY_TUPLE
      case 0x85: push(tuple([pop()])); break; // TUPLE1
      case 0x86: {
        const b = pop();
        const a = pop();
        push(tuple([a, b]));
        break;
      }
      case 0x87: {
        const c = pop();
        const b = pop();
        const a = pop();
        push(tuple([a, b, c]));
        break;
      }
      case 0x74: push(tuple(popMark())); break; // TUPLE
      case 0x5d: push([]); break; // EMPTY_LIST
      case 0x6c: push(popMark()); break; // LIST
      case 0x61: {
        // APPEND
        const v = pop();
        appendItems(top(), [v]);
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark();
        appendItems(top(), items);
        break;
      }
      case 0x7d: push(new Map()); break; // EMPTY_DICT
      case 0x64: {
        // DICT
        const d: PyDict = new Map();
        setItems(d, popMark());
        push(d);
        break;
      }
      case 0x73: {
        // SETITEM
        const v = pop();
        const k = pop();
        setItems(top(), [k, v]);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case 0x8f: push({ $kind: "set", frozen: false, items: [] }); break; // EMPTY_SET
      case 0x90: {
        // ADDITEMS
        const items = popMark();
        const s = top();
        if (!isSet(s) || s.frozen) throw malformed("ADDITEMS on a non-set");
        for (const it of items) s.items.push(it);
        break;
      }
      case 0x91: push({ $kind: "set", frozen: true, items: popMark() }); break; // FROZENSET

      // --- memo
      case 0x70: {
        // PUT (text)
        const i = parseIntText(textLine("PUT"), false);
        if (typeof i !== "number" || i < 0) throw malformed("PUT: bad index");
        memoPut(i, top());
        break;
      }
      case 0x71: memoPut(reader.u8("BINPUT"), top()); break;
      case 0x72: memoPut(reader.u32("LONG_BINPUT"), top()); break;
      case 0x94: memoPut(memo.size, top()); break; // MEMOIZE
      case 0x67: {
        // GET (text)
        const i = parseIntText(textLine("GET"), false);
        if (typeof i !== "number") throw malformed("GET: bad index");
        push(memoGet(i));
        break;
      }
      case 0x68: push(memoGet(reader.u8("BINGET"))); break;
      case 0x6a: push(memoGet(reader.u32("LONG_BINGET"))); break;

      // --- globals and objects (names checked when read, before anything is built)
      case 0x63: {
        // GLOBAL
        const module = asciiName(reader.line("GLOBAL module", 1000));
        const name = asciiName(reader.line("GLOBAL name", 1000));
        pushGlobal(module, name);
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== "string" || typeof name !== "string") throw malformed("STACK_GLOBAL: names must be strings");
        pushGlobal(module, name);
        break;
      }
      case 0x69: {
        // INST
        const module = asciiName(reader.line("INST module", 1000));
        const name = asciiName(reader.line("INST name", 1000));
        const g = resolveGlobal(module, name);
        const args = popMark();
        push(instantiate({ $kind: "global", name: g.name }, args));
        break;
      }
      case 0x6f: {
        // OBJ
        const items = popMark();
        if (items.length === 0) throw malformed("OBJ without a class");
        push(instantiate(items[0]!, items.slice(1)));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        const fn = pop();
        push(callGlobal(fn, args, ctx));
        break;
      }
      case 0x81: {
        // NEWOBJ
        const args = pop();
        const cls = pop();
        push(newObject(cls, args));
        break;
      }
      case 0x92: {
        // NEWOBJ_EX
        const kwargs = pop();
        const args = pop();
        const cls = pop();
        push(newObject(cls, args, kwargs));
        break;
      }
      case 0x62: doBuild(); break; // BUILD

      default: {
        const refused = REFUSED_OPCODES[op];
        if (refused) throw new PickleError("refused_opcode", `refused opcode ${refused} at offset ${at}`);
        throw new PickleError("refused_opcode", `unknown opcode 0x${op.toString(16).padStart(2, "0")} at offset ${at}`);
      }
    }
  }
}
