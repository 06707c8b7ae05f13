import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readModelFile } from "./index";
import { mulberry32 } from "@/lib/seeded-random";

/**
 * Mutation fuzzing of real fixtures: the reader must only ever return a value or a typed error
 * (never throw, never report internal_error, never hang). FUZZ_ITERATIONS overrides the count.
 */
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/models");
const FILES = [
  "ridge.p2.pkl",
  "ridge.p4.pkl",
  "ridge.p5.pkl",
  "ridge.joblib",
  "ridge.joblib.z",
  "decision_tree_classifier.p2.pkl",
  "decision_tree_classifier.joblib",
  "column_transformer_onehot_logreg.joblib",
  "sgd_classifier.p4.pkl",
  "hist_gradient_boosting_regressor.p5.pkl",
  // Other versions' layouts and the codecs Node lacks (../fixtures/layouts.py).
  "../layouts/ridge.sklearn-0.21.joblib.bz2",
  "../layouts/ridge.sklearn-0.21.joblib.xz",
  "../layouts/ridge.sklearn-0.21.joblib.lzma",
  "../layouts/ridge.protocol0-crlf.pkl",
  "../layouts/hist_gradient_boosting_classifier_binary.numpy-2.pkl",
];
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 10_000);


function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  let b = Uint8Array.from(src);
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const pos = Math.floor(rnd() * Math.max(1, b.length));
    switch (Math.floor(rnd() * 6)) {
      case 0: // bit flip
        if (b.length) b[pos] = b[pos]! ^ (1 << Math.floor(rnd() * 8));
        break;
      case 1: // random byte
        if (b.length) b[pos] = Math.floor(rnd() * 256);
        break;
      case 2: { // insert
        const ins = Uint8Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 256));
        b = Uint8Array.from([...b.subarray(0, pos), ...ins, ...b.subarray(pos)]);
        break;
      }
      case 3: // delete
        b = Uint8Array.from([...b.subarray(0, pos), ...b.subarray(pos + 1 + Math.floor(rnd() * 8))]);
        break;
      case 4: // truncate
        b = b.slice(0, pos);
        break;
      default: // extreme length-ish values
        if (b.length) b[pos] = rnd() < 0.5 ? 0xff : 0x7f;
    }
  }
  return b;
}

describe("fuzz: mutated fixtures give a value or a typed error", () => {
  const sources = FILES.map((f) => ({ f, bytes: Uint8Array.from(readFileSync(path.join(FIXTURES, f))) }));
  it(`${ITERATIONS} mutations`, { timeout: 120_000 }, () => {
    const rnd = mulberry32(0xc0ffee);
    const counts: Record<string, number> = {};
    let slowest = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const src = sources[i % sources.length]!;
      const input = mutate(src.bytes, rnd);
      const t = performance.now();
      let r;
      try {
        r = readModelFile(input);
      } catch (e) {
        throw new Error(`iteration ${i} (${src.f}) threw: ${String(e)}`);
      }
      slowest = Math.max(slowest, performance.now() - t);
      const key = r.ok ? "ok" : r.error.code;
      counts[key] = (counts[key] ?? 0) + 1;
      if (!r.ok) {
        expect(r.error.code, `iteration ${i} (${src.f}): ${r.error.message}`).not.toBe("internal_error");
        expect(typeof r.error.message).toBe("string");
      }
    }
    expect(slowest).toBeLessThan(2000);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ITERATIONS);
  });
});
