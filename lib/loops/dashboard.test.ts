import { describe, expect, it } from "vitest";
import { twoClassWeights } from "./dashboard";

describe("the loop page's weights", () => {
  it("show one log-odds weight per column when there are two classes", () => {
    const rows = [
      { feature: "age", column: "age", weight: -0.4, class: "0" },
      { feature: "age", column: "age", weight: 0.4, class: "1" },
      { feature: "plan", column: "plan=pro", weight: 0.25, class: "0" },
      { feature: "plan", column: "plan=pro", weight: -0.25, class: "1" },
    ];
    expect(twoClassWeights(rows)).toEqual([
      { feature: "age", column: "age", weight: 0.8, toward: "1" },
      { feature: "plan", column: "plan=pro", weight: -0.5, toward: "1" },
    ]);
  });
  it("keep per-class rows with three classes or more, and plain rows without classes", () => {
    const three = ["a", "b", "c"].map((c) => ({ feature: "x", column: "x", weight: 1, class: c }));
    expect(twoClassWeights(three)).toEqual(three);
    expect(twoClassWeights([{ feature: "x", column: "x", weight: 2 }])).toEqual([{ feature: "x", column: "x", weight: 2 }]);
  });
});
