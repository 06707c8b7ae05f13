import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { numpyArrayText } from "./numpy-text";

const PYTHON = "/usr/bin/python3";

/** str() of a one-row numpy array, from numpy itself (Debian's, which scikit-learn's tests use). */
function numpyText(values: unknown[], dtype: string): string[] {
  const script = `import json, sys, numpy as np\nfor v in json.loads(sys.argv[1]): print(str(np.array([v], dtype=sys.argv[2])))`;
  return execFileSync(PYTHON, ["-c", script, JSON.stringify(values), dtype]).toString().trim().split("\n");
}

describe("numpyArrayText", () => {
  it("prints one prediction as numpy's str() does", () => {
    const floats = [151.00734055123, 151, -2.5, 1e-5, 123456789.123, 0, 0.1 + 0.2, Math.PI, 1e20, -0.00012345678, 0.0001, 99999999.99, 1 / 3, 2.5e-7, 42.00000001, -0];
    expect(floats.map((v) => numpyArrayText([v], "regressor"))).toEqual(numpyText(floats, "float64"));
    const ints = [0, 1, -3, 1234567890123];
    expect(ints.map((v) => numpyArrayText([v], "classifier"))).toEqual(numpyText(ints, "int64"));
    const labels = ["setosa", "it's", 'say "hi"', "a\\b"];
    expect(labels.map((v) => numpyArrayText([v], "classifier"))).toEqual(numpyText(labels, "object").map((s) => s));
  });

  it("prints rows of several outputs (multi-output estimators, lone transformers) as a 2-D array, values joined by one space", () => {
    expect(numpyArrayText([[1.5, 2], [-0.25, 3]], "transformer")).toBe("[[1.5 2.]\n [-0.25 3.]]");
    expect(numpyArrayText([["a", "b"]], "classifier")).toBe("[['a' 'b']]");
    expect(numpyArrayText([[1, 2]], "classifier")).toBe("[[1 2]]");
  });
});
