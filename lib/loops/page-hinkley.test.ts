import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPageHinkley, pageHinkleyUpdate, type PageHinkleyState } from "./page-hinkley";

const stream: number[] = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "testdata", "adwin_stream_seed12345.json"), "utf8"),
);

function detections(state: PageHinkleyState, values: number[], offset = 0): number[] {
  const found: number[] = [];
  values.forEach((x, i) => {
    if (pageHinkleyUpdate(state, x)) found.push(offset + i);
  });
  return found;
}

describe("Page-Hinkley", () => {
  it("fires exactly once, at index 1006, on the seed-12345 stream (spec §6.2)", () => {
    expect(detections(createPageHinkley(), stream)).toEqual([1006]);
  });

  it("resets on the update after a detection", () => {
    const state = createPageHinkley();
    stream.slice(0, 1007).forEach((x) => pageHinkleyUpdate(state, x));
    expect(state.drift_detected).toBe(true);
    expect(state.sum).toBeGreaterThanOrEqual(50);
    pageHinkleyUpdate(state, stream[1007]!);
    expect(state.sample_count).toBe(2);
    expect(state.mean).toBe(stream[1007]);
    expect(state.drift_detected).toBe(false);
  });

  it("needs min_instances − 1 updates since the last reset", () => {
    // A huge jump from the first value on: S crosses λ at once, but only update 29 may flag it.
    const state = createPageHinkley({ threshold: 1 });
    const flags = [0, ...Array.from({ length: 40 }, () => 1000)].map((x) => pageHinkleyUpdate(state, x));
    expect(flags.indexOf(true)).toBe(28);
  });

  it("gives identical detections after a JSON round trip mid-stream", () => {
    for (const cutAt of [500, 1006, 1007, 1500]) {
      const state = createPageHinkley();
      const before = detections(state, stream.slice(0, cutAt));
      const restored = JSON.parse(JSON.stringify(state)) as PageHinkleyState;
      expect(restored).toEqual(state);
      expect([...before, ...detections(restored, stream.slice(cutAt), cutAt)]).toEqual([1006]);
    }
  });

  it("does not fire on a stream with a constant mean, nor on a decrease", () => {
    const constant = stream.slice(0, 1000);
    expect(detections(createPageHinkley(), [...constant, ...constant, ...constant])).toEqual([]);
    expect(detections(createPageHinkley(), [...stream.slice(1000), ...constant])).toEqual([]);
  });
});
