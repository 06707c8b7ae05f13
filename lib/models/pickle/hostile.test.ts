import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readModelFile, type ReadResult } from "./index";
import { pw } from "./testing/pickle-writer";
import { type PyValue, isDict, isObject, isSet, isTuple, attr } from "./values";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/models");
const hex = (h: string) => Uint8Array.from(Buffer.from(h, "hex"));
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, "latin1"));

function refused(r: ReadResult, code: string, text?: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  if (text) expect(r.error.message).toContain(text);
}
function value(r: ReadResult): PyValue {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe("data opcodes", () => {
  // pickle.dumps({'a': [1, -2**40, 2**70, 1.5, 'é€', b'xy', (1,2), {1,2}, frozenset([3]), True, None, -1, 300, 70000, 2**31]}, protocol=p)
  const P = {
    0: "286470300a56610a70310a286c70320a49310a614c2d313039393531313632373737364c0a614c313138303539313632303731373431313330333432344c0a6146312e350a6156e95c75323061630a70330a61635f636f646563730a656e636f64650a70340a285678790a70350a566c6174696e310a70360a7470370a5270380a612849310a49320a7470390a61635f5f6275696c74696e5f5f0a7365740a7031300a28286c7031310a49310a6149320a61747031320a527031330a61635f5f6275696c74696e5f5f0a66726f7a656e7365740a7031340a28286c7031350a49330a61747031360a527031370a614930310a614e61492d310a61493330300a614937303030300a614c323134373438333634384c0a61732e",
    1: "7d710058010000006171015d7102284b014c2d313039393531313632373737364c0a4c313138303539313632303731373431313330333432344c0a473ff80000000000005805000000c3a9e282ac7103635f636f646563730a656e636f64650a71042858020000007879710558060000006c6174696e317106747107527108284b014b02747109635f5f6275696c74696e5f5f0a7365740a710a285d710b284b014b026574710c52710d635f5f6275696c74696e5f5f0a66726f7a656e7365740a710e285d710f4b03617471105271114930310a4e4affffffff4d2c014a701101004c323134373438333634384c0a65732e",
    2: "80027d710058010000006171015d7102284b018a060000000000ff8a09000000000000000040473ff80000000000005805000000c3a9e282ac7103635f636f646563730a656e636f64650a710458020000007879710558060000006c6174696e3171068671075271084b014b02867109635f5f6275696c74696e5f5f0a7365740a710a5d710b284b014b026585710c52710d635f5f6275696c74696e5f5f0a66726f7a656e7365740a710e5d710f4b0361857110527111884e4affffffff4d2c014a701101008a05000000800065732e",
    4: "80049560000000000000007d948c0161945d94284b018a060000000000ff8a09000000000000000040473ff80000000000008c05c3a9e282ac9443027879944b014b0286948f94284b014b0290284b039194884e4affffffff4d2c014a701101008a05000000800065732e",
  };
  it.each(Object.entries(P))("protocol %s decodes ints (signed LONG), floats, strings, bytes, tuples, sets", (_p, h) => {
    const v = value(readModelFile(hex(h)));
    expect(isDict(v)).toBe(true);
    const list = (v as Map<PyValue, PyValue>).get("a") as PyValue[];
    expect(list.slice(0, 5)).toEqual([1, -(2 ** 40), 2n ** 70n, 1.5, "é€"]);
    expect(list[5]).toEqual(Uint8Array.from([0x78, 0x79]));
    expect(isTuple(list[6]!) && list[6]).toEqual([1, 2]);
    expect(isSet(list[7]) && !list[7].frozen && list[7].items).toEqual([1, 2]);
    expect(isSet(list[8]) && list[8].frozen && list[8].items).toEqual([3]);
    expect(list.slice(9)).toEqual([true, null, -1, 300, 70000, 2 ** 31]);
  });

  it("BINSTRING / SHORT_BINSTRING, DUP, POP, POP_MARK, BINUNICODE8, BINBYTES8", () => {
    const b = pw().proto(4).raw(0x5d) // []
      .mark().raw(0x54).u32(2).text("hi").raw(0x55, 1).text("x")
      .raw(0x8d).u64(2n).text("ok").raw(0x8e).u64(1n).raw(7)
      .raw(0x4b, 9, 0x32, 0x30) // BININT1 9, DUP, POP → 9 stays once
      .mark().raw(0x4b, 1).raw(0x31) // MARK 1 POP_MARK
      .raw(0x65).stop().bytesOut();
    expect(value(readModelFile(b))).toEqual(["hi", "x", "ok", Uint8Array.from([7]), 9]);
  });

  it("dict keys are kept as data: __proto__ does not pollute", () => {
    const b = pw().proto(4).emptyDict().str("__proto__").emptyDict().str("polluted").raw(0x88).setitem().setitem().stop().bytesOut();
    const v = value(readModelFile(b)) as Map<PyValue, PyValue>;
    expect(v.get("__proto__")).toBeInstanceOf(Map);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("protocol 0 with Python 2 spellings: copy_reg._reconstructor and INST", () => {
    const recon = readModelFile(
      ascii("ccopy_reg\n_reconstructor\np0\n(csklearn.linear_model._ridge\nRidge\np1\nc__builtin__\nobject\np2\nNtp3\nRp4\n(dp5\nS'alpha'\np6\nF0.5\nsS'_sklearn_version'\np7\nV1.2.1\np8\nsb."),
    );
    expect(recon.ok && recon.className).toBe("sklearn.linear_model._ridge.Ridge");
    expect(recon.ok && recon.sklearnVersion).toBe("1.2.1");
    expect(attr(value(recon), "alpha")).toBe(0.5);
    const inst = readModelFile(ascii("(isklearn.linear_model._ridge\nRidge\np0\n(dp1\nS'alpha'\np2\nF2\nsb."));
    expect(attr(value(inst), "alpha")).toBe(2);
    const obj = readModelFile(ascii("(csklearn.linear_model._ridge\nRidge\no}b."));
    expect(isObject(value(obj))).toBe(true);
  });
});

describe("hostile files are refused with a typed error naming the global", () => {
  const call = (module: string, name: string, arg = "id") =>
    pw().proto(2).global(module, name).str(arg).tuple1().reduce().stop().bytesOut();

  it.each([
    ["os", "system"],
    ["posix", "system"],
    ["nt", "system"],
    ["builtins", "eval"],
    ["builtins", "exec"],
    ["__builtin__", "eval"],
    ["subprocess", "Popen"],
    ["subprocess", "check_output"],
    ["builtins", "__import__"],
    ["numpy", "load"],
    ["joblib", "load"],
  ])("GLOBAL %s.%s", (m, n) => refused(readModelFile(call(m, n)), "refused_global", `refused: ${m}.${n}`));

  it.each([
    ["posix", "system"],
    ["os", "system"],
    ["subprocess", "Popen"],
  ])("STACK_GLOBAL %s.%s", (m, n) => {
    const b = pw().proto(4).stackGlobal(m, n).str("id").tuple1().reduce().stop().bytesOut();
    refused(readModelFile(b), "refused_global", `refused: ${m}.${n}`);
  });

  it("INST of a foreign class", () => {
    refused(readModelFile(ascii("(S'id'\nios\nsystem\n.")), "refused_global", "refused: os.system");
  });

  it("getattr tricks: getattr(builtins, 'eval') and operator.attrgetter", () => {
    const b = pw().proto(4).stackGlobal("builtins", "getattr").stackGlobal("builtins", "object").str("__subclasses__").tuple2().reduce().stop().bytesOut();
    refused(readModelFile(b), "refused_global", "refused: builtins.getattr");
    refused(readModelFile(call("operator", "attrgetter")), "refused_global", "refused: operator.attrgetter");
    refused(readModelFile(call("__builtin__", "getattr")), "refused_global", "refused: __builtin__.getattr");
  });

  it("a payload inside an otherwise real estimator", () => {
    const b = pw().proto(4)
      .stackGlobal("sklearn.linear_model._ridge", "Ridge").emptyTuple().newobj()
      .emptyDict().mark()
      .str("alpha").raw(0x47, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0)
      .str("coef_").stackGlobal("posix", "system").str("touch /tmp/pwned").tuple1().reduce()
      .setitems().build().stop().bytesOut();
    refused(readModelFile(b), "refused_global", "refused: posix.system");
  });

  it("a whitelisted token or class cannot be misused as a callable", () => {
    // numpy.ndarray is a token: calling it is refused
    refused(readModelFile(call("numpy", "ndarray")), "refused_global", "numpy.ndarray");
    // NEWOBJ of an estimator with arguments is refused
    const b = pw().proto(4).stackGlobal("sklearn.linear_model._ridge", "Ridge").str("x").tuple1().newobj().stop().bytesOut();
    refused(readModelFile(b), "refused_global", "sklearn.linear_model._ridge.Ridge");
    // _codecs.encode with another codec
    const c = pw().proto(2).global("_codecs", "encode").str("x").str("rot13").tuple2().reduce().stop().bytesOut();
    refused(readModelFile(c), "refused_global", "_codecs.encode");
  });

  it("_reconstruct with a class other than numpy.ndarray", () => {
    const b = pw().proto(2)
      .global("numpy.core.multiarray", "_reconstruct")
      .global("sklearn.linear_model._ridge", "Ridge").int(0).tuple1().bytes([0x62]).tuple3().reduce().stop().bytesOut();
    refused(readModelFile(b), "refused_global", "numpy.core.multiarray._reconstruct");
  });

  function wrapper(subclass: [string, string]) {
    return pw().proto(4)
      .stackGlobal("joblib.numpy_pickle", "NumpyArrayWrapper").emptyTuple().newobj()
      .emptyDict().mark()
      .str("subclass").stackGlobal(...subclass)
      .str("shape").int(1).tuple1()
      .str("order").str("C")
      .str("dtype").stackGlobal("numpy", "dtype").str("f8").raw(0x89, 0x88).tuple3().reduce()
      .str("allow_mmap").raw(0x89)
      .setitems().build()
      .raw(...new Array(8).fill(0)).stop().bytesOut();
  }
  it("joblib NumpyArrayWrapper with a foreign subclass", () => {
    refused(readModelFile(wrapper(["numpy", "matrix"])), "refused_global", "refused: numpy.matrix");
    refused(readModelFile(wrapper(["numpy", "float64"])), "refused_global", "numpy.float64");
    refused(readModelFile(wrapper(["sklearn.linear_model._ridge", "Ridge"])), "refused_global", "Ridge");
    const ok = readModelFile(wrapper(["numpy", "ndarray"]));
    expect(ok.ok && ok.format).toBe("joblib");
  });

  it.each([
    ["PERSID", ascii("Pfoo\n.")],
    ["BINPERSID", hex("80044b0151" + "2e")],
    ["EXT1", hex("8002820a2e")],
    ["EXT2", hex("8002830a002e")],
    ["EXT4", hex("8002840a0000002e")],
    ["NEXT_BUFFER", hex("8005972e")],
    ["READONLY_BUFFER", hex("800596" + "0100000000000000" + "00" + "982e")],
  ])("opcode %s", (name, b) => refused(readModelFile(b), "refused_opcode", name));

  it("huge declared lengths are refused before allocating", () => {
    refused(readModelFile(pw().proto(4).raw(0x8d).u64(2n ** 40n).stop().bytesOut()), "truncated", "BINUNICODE8");
    refused(readModelFile(pw().proto(4).raw(0x8e).u64(2n ** 63n).stop().bytesOut()), "truncated", "BINBYTES8");
    refused(readModelFile(pw().proto(4).raw(0x58).u32(0xffffffff).stop().bytesOut()), "truncated", "BINUNICODE");
    refused(readModelFile(pw().proto(4).raw(0x95).u64(2n ** 50n).stop().bytesOut()), "truncated", "FRAME");
    refused(readModelFile(pw().proto(2).raw(0x8b).u32(0x7fffffff).stop().bytesOut()), "truncated", "LONG4");
    // an array whose shape claims 2^40 elements
    const b = pw().proto(5)
      .stackGlobal("numpy.core.numeric", "_frombuffer")
      .mark()
      .raw(0x96).u64(8n).raw(0, 0, 0, 0, 0, 0, 0, 0)
      .stackGlobal("numpy", "dtype").str("f8").raw(0x89, 0x88).tuple3().reduce()
      .raw(0x8a, 6, 0, 0, 0, 0, 0, 1).tuple1()
      .str("C").tuple().reduce().stop().bytesOut();
    refused(readModelFile(b), "too_large", "elements");
  });

  it("array data whose length disagrees with shape × itemsize", () => {
    const b = pw().proto(5)
      .stackGlobal("numpy.core.numeric", "_frombuffer")
      .mark().raw(0x96).u64(7n).raw(0, 0, 0, 0, 0, 0, 0)
      .stackGlobal("numpy", "dtype").str("f8").raw(0x89, 0x88).tuple3().reduce()
      .int(1).tuple1().str("C").tuple().reduce().stop().bytesOut();
    refused(readModelFile(b), "malformed", "expected 1 × 8");
  });

  it("deep nesting, too many marks, cycles", () => {
    const n = 100_000;
    const deep = pw().proto(4).raw(...new Array(n).fill(0x5d)).raw(...new Array(n - 1).fill(0x61)).stop().bytesOut();
    refused(readModelFile(deep), "too_large", "nested deeper");
    const marks = pw().proto(4).raw(...new Array(n).fill(0x28)).stop().bytesOut();
    refused(readModelFile(marks), "too_large", "MARK");
    const cycle = pw().proto(4).raw(0x5d, 0x94, 0x68, 0x00, 0x61).stop().bytesOut();
    refused(readModelFile(cycle), "malformed", "cyclic");
    const wide = pw().proto(4).emptyList().mark().raw(...new Array(5000).fill(0x4e)).raw(0x65).stop().bytesOut();
    expect(readModelFile(wide).ok).toBe(true);
  });

  it("limits are configurable", () => {
    const ridge = readFileSync(path.join(FIXTURES, "ridge.p4.pkl"));
    refused(readModelFile(ridge, { maxMemoSize: 5 }), "too_large", "memo");
    refused(readModelFile(ridge, { maxStackSize: 3 }), "too_large", "stack");
    refused(readModelFile(ridge, { maxDecompressedSize: 100 }), "too_large");
    const z = readFileSync(path.join(FIXTURES, "ridge.joblib.z"));
    expect(z.length).toBeLessThan(readFileSync(path.join(FIXTURES, "ridge.joblib")).length);
    refused(readModelFile(z, { maxDecompressedSize: z.length }), "too_large", "decompressed");
  });

  it("cut-short or bad compressed streams and codecs without a decoder are refused clearly", () => {
    refused(readModelFile(ascii("BZh91AY&SY")), "truncated", "ended early");
    refused(readModelFile(hex("fd377a585a000004")), "truncated", "ended early");
    refused(readModelFile(hex("04224d1864")), "unsupported", "lz4");
    refused(readModelFile(hex("789c0000")), "truncated");
  });

  it("every truncation of real files is a typed error", () => {
    for (const f of ["ridge.p2.pkl", "ridge.p4.pkl", "ridge.p5.pkl", "ridge.joblib", "ridge.joblib.z"]) {
      const bytes = readFileSync(path.join(FIXTURES, f));
      for (let len = 0; len < bytes.length; len++) {
        const r = readModelFile(bytes.subarray(0, len));
        expect(r.ok, `${f}[0:${len}]`).toBe(false);
        if (!r.ok) expect(r.error.code, `${f}[0:${len}] ${r.error.message}`).not.toBe("internal_error");
      }
    }
  });
});
