import { describe, expect, it } from "vitest";
import { expectClose } from "../testing/linear-family-fixtures";
import type { InputRow } from "../types";
import { enumerationShap } from "./enumeration";

const num = (X: InputRow[]) => X.map((r) => r.map(Number));

describe("enumerationShap", () => {
  it("splits a pure interaction evenly and is additive", () => {
    const f = (X: InputRow[]) => num(X).map(([a, b, c]) => a! * b! + c!);
    const r = enumerationShap(f, [2, 3, 5], [[0, 0, 0]])!;
    expectClose(r.values, [3, 3, 5], 1e-15);
    expect(r).toMatchObject({ base_value: 0, value: 11, backgroundRows: 1, evals: 9 });
    expect(r.residual).toBe(0);
  });

  it("equals interventional linear SHAP against a background of several rows", () => {
    const w = [1.5, -2, 0.25, 4];
    const f = (X: InputRow[]) => num(X).map((x) => x.reduce((s, v, j) => s + v * w[j]!, 0.5));
    const bg = [[1, 2, 3, 4], [0, -1, 2, 8], [5, 5, 5, 5]];
    const x = [2, 0, -4, 1];
    const mean = w.map((_, j) => bg.reduce((s, r) => s + r[j]!, 0) / bg.length);
    const r = enumerationShap(f, x, bg)!;
    expectClose(r.values, w.map((c, j) => c * (x[j]! - mean[j]!)), 1e-12, 1);
    expect(r.backgroundRows).toBe(3);
  });

  it("keeps a seeded sample of the background that fits maxEvals, and gives up past 12 inputs", () => {
    const f = (X: InputRow[]) => num(X).map((x) => x[0]! * x[1]!);
    const bg = Array.from({ length: 50 }, (_, i) => [i, 50 - i]);
    const r = enumerationShap(f, [1, 2], bg, { maxEvals: 40, seed: 4 })!;
    expect(r.backgroundRows).toBe(10);
    expect(r.evals).toBe(41);
    expect(enumerationShap(f, [1, 2], bg, { maxEvals: 3 })).toBeNull();
    expect(enumerationShap(f, new Array<number>(13).fill(0), bg)).toBeNull();
  });
});
