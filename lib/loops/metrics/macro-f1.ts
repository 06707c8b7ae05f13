import type { ClassificationObservation, Metric } from "./metric";

export interface MacroF1State {
  /** Per class index: true positives, false positives, false negatives (grown as classes appear). */
  tp: number[];
  fp: number[];
  fn: number[];
}

function count(s: MacroF1State, list: number[], c: number, by: 1 | -1): void {
  while (s.tp.length <= c) {
    s.tp.push(0);
    s.fp.push(0);
    s.fn.push(0);
  }
  list[c]! += by;
}

function apply(s: MacroF1State, o: ClassificationObservation, by: 1 | -1): void {
  if (o.t === o.p) count(s, s.tp, o.t, by);
  else {
    count(s, s.fn, o.t, by);
    if (o.p >= 0) count(s, s.fp, o.p, by);
  }
}

/** Mean F1 over the classes present (as truth or prediction); a missing prediction is a false negative only. */
export const macroF1: Metric<MacroF1State, ClassificationObservation> = {
  name: "macro_f1",
  label: "Macro-F1",
  better: "higher",
  rebuilt: false,
  create: () => ({ tp: [], fp: [], fn: [] }),
  update: (s, o) => apply(s, o, 1),
  revert: (s, o) => apply(s, o, -1),
  value(s) {
    let sum = 0;
    let present = 0;
    for (let c = 0; c < s.tp.length; c++) {
      const denominator = 2 * s.tp[c]! + s.fp[c]! + s.fn[c]!;
      if (denominator > 0) {
        sum += (2 * s.tp[c]!) / denominator;
        present += 1;
      }
    }
    return present === 0 ? null : sum / present;
  },
};
