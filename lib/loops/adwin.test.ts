import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { adwinEstimation, adwinUpdate, adwinWidth, createAdwin, type AdwinState } from "./adwin";

const stream: number[] = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "testdata", "adwin_stream_seed12345.json"), "utf8"),
);

/** Feeds values in order; the detector resets itself on the update after a detection. */
function detections(state: AdwinState, values: number[], offset = 0): number[] {
  const found: number[] = [];
  values.forEach((x, i) => {
    if (adwinUpdate(state, x)) found.push(offset + i);
  });
  return found;
}

const roundTrip = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

describe("ADWIN", () => {
  it("fires exactly once, at index 1023, on the seed-12345 stream (docs/loops-learner.md §6.2)", () => {
    expect(stream).toHaveLength(2000);
    expect(detections(createAdwin(0.002), stream)).toEqual([1023]);
  });

  it("cuts the old part of the window at the detection and resets on the next update", () => {
    const state = createAdwin();
    stream.slice(0, 1024).forEach((x) => adwinUpdate(state, x));
    expect(state.drift_detected).toBe(true);
    // The oldest 944 values (mean ≈ 0.49, the 0/1 regime) were cut; 80 are left, 24 of them new.
    expect(state.last_cut_width).toBe(944);
    expect(adwinWidth(state)).toBe(1024 - 944);
    expect(state.last_cut_total / state.last_cut_width).toBeLessThan(0.6);
    expect(adwinEstimation(state)).toBeGreaterThan(1.5);
    adwinUpdate(state, stream[1024]!);
    expect(adwinWidth(state)).toBe(1);
    expect(state.drift_detected).toBe(false);
  });

  it("keeps width, total and variance consistent with the buckets", () => {
    const state = createAdwin();
    stream.slice(0, 777).forEach((x) => adwinUpdate(state, x));
    let width = 0;
    let total = 0;
    state.rows.forEach((row, i) => {
      expect(row.totals.length).toBeLessThanOrEqual(5);
      width += row.totals.length * 2 ** i;
      total += row.totals.reduce((a, b) => a + b, 0);
    });
    expect(width).toBe(adwinWidth(state));
    expect(width).toBe(777);
    expect(total).toBe(state.total);
    const values = stream.slice(0, 777);
    const mean = total / width;
    const sst = values.reduce((a, x) => a + (x - mean) ** 2, 0);
    expect(state.variance).toBeCloseTo(sst, 8);
    expect(adwinEstimation(state)).toBeCloseTo(mean, 12);
  });

  it("gives identical detections after a JSON round trip mid-stream", () => {
    for (const cutAt of [500, 1010, 1023, 1024, 1500]) {
      const state = createAdwin();
      const before = detections(state, stream.slice(0, cutAt));
      const restored = roundTrip(state);
      expect(restored).toEqual(state);
      const after = detections(restored, stream.slice(cutAt), cutAt);
      expect([...before, ...after]).toEqual([1023]);
      detections(state, stream.slice(cutAt), cutAt);
      expect(JSON.stringify(restored)).toBe(JSON.stringify(state));
    }
  });

  it("does not fire on a stream with a constant mean", () => {
    const constant = stream.slice(0, 1000);
    const control = [...constant, ...constant, ...constant];
    expect(detections(createAdwin(0.002), control)).toEqual([]);
    expect(detections(createAdwin(0.01), control)).toEqual([]);
    expect(detections(createAdwin(), Array.from({ length: 3000 }, () => 0.25))).toEqual([]);
  });

  it("rejects non-finite values without touching the state", () => {
    const state = createAdwin();
    adwinUpdate(state, 1);
    const snapshot = JSON.stringify(state);
    expect(() => adwinUpdate(state, Number.NaN)).toThrow(RangeError);
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});
