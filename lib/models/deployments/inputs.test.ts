import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { featureSpec } from "./features";
import { MAX_ROWS, parsePredictBody, rowsFromCsv, rowsFromData } from "./inputs";

const iris = featureSpec(
  ["sepal length", "sepal width", "petal length", "petal width"].map((f) => ({ feature_name: f, type: "cont", kind: 0 })).concat([{ feature_name: "species", type: "cat", kind: 1 }]),
  { nFeatures: 4, featureNames: null },
);
const positional = featureSpec([], { nFeatures: 3, featureNames: null });

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

const locs = (e: ApiError) => e.details.map((d) => d.path.join("."));

describe("parsePredictBody", () => {
  it("reads the document's body and the original implementation's flag", () => {
    expect(parsePredictBody('{"data": [5.1, 3.5, 1.4, 0.2], "explain": true}')).toEqual({ kind: "data", data: [5.1, 3.5, 1.4, 0.2], explain: true });
    expect(parsePredictBody('{"data": {"a": 1}, "explanation": true}')).toMatchObject({ kind: "data", explain: true });
    expect(parsePredictBody('{"data": [1]}')).toMatchObject({ explain: false });
    expect(parsePredictBody('{"data_link": "https://example.com/x.csv", "explain": 1}')).toEqual({ kind: "link", url: "https://example.com/x.csv", explain: true });
  });

  it("answers the document's Python tuple with a 400 that says to send a JSON array", () => {
    const e = failure(() => parsePredictBody('{\n"data": (5.1, 3.5, 1.4, 0.2),\n"explain": true\n}'));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/Python tuple/);
    expect(e.message).toContain('{"data": [5.1, 3.5, 1.4, 0.2], "explain": true}');
    expect(failure(() => parsePredictBody('{"data": [1], "explain": True}')).message).toMatch(/lower case/);
    expect(failure(() => parsePredictBody("{oops")).status).toBe(400);
    expect(failure(() => parsePredictBody("  ")).status).toBe(400);
  });

  it("lists every problem of a JSON body of the wrong shape", () => {
    const e = failure(() => parsePredictBody('{"explain": "yes", "colour": 1}'));
    expect(e.status).toBe(422);
    expect(locs(e).sort()).toEqual(["colour", "data", "explain"]);
    expect(locs(failure(() => parsePredictBody('{"data": [1], "data_link": "https://x"}')))).toEqual(["data_link"]);
    expect(e.details.find((d) => d.path[0] === "data")!.type).toBe("missing");
    expect(failure(() => parsePredictBody('{"data_link": "file:///etc/passwd"}')).details[0]!.type).toBe("url_parsing");
    expect(failure(() => parsePredictBody("[1, 2]")).status).toBe(422);
  });
});

describe("rowsFromData", () => {
  it("takes one row, many rows, named rows and columns", () => {
    expect(rowsFromData([5.1, 3.5, 1.4, 0.2], iris)).toEqual([[5.1, 3.5, 1.4, 0.2]]);
    expect(rowsFromData([[1, 2, 3, 4], [5, 6, 7, 8]], iris)).toEqual([[1, 2, 3, 4], [5, 6, 7, 8]]);
    const named = { "petal width": 0.2, "sepal length": 5.1, "petal length": 1.4, "sepal width": 3.5 };
    expect(rowsFromData(named, iris)).toEqual([[5.1, 3.5, 1.4, 0.2]]);
    expect(rowsFromData([named, named], iris)).toHaveLength(2);
    expect(rowsFromData({ "sepal length": [1, 2], "sepal width": [3, 4], "petal length": [5, 6], "petal width": [7, 8] }, iris)).toEqual([
      [1, 3, 5, 7],
      [2, 4, 6, 8],
    ]);
    // Numeric strings are numbers; an untyped column keeps other text for the estimator to judge.
    expect(rowsFromData(["1.5", 2, "wide"], positional)).toEqual([[1.5, 2, "wide"]]);
  });

  it("names the problem: wrong width, unknown and missing features, non-numeric values", () => {
    const width = failure(() => rowsFromData([5.1, 3.5, 1.4], iris));
    expect(width.status).toBe(422);
    expect(width.details[0]).toMatchObject({ path: ["data"], type: "too_short" });
    expect(width.details[0]!.message).toMatch(/Expected 4 values \(sepal length, sepal width, petal length, petal width\), got 3/);
    expect(failure(() => rowsFromData([[1, 2, 3, 4], [1, 2, 3, 4, 5]], iris)).details[0]).toMatchObject({ path: ["data", 1], type: "too_long" });

    const names = failure(() => rowsFromData({ "sepal length": 5.1, "sepal width": 3.5, "petal length": 1.4, "petal wdith": 0.2 }, iris));
    expect(names.details.map((d) => [d.path.join("."), d.type])).toEqual([
      ["data.petal wdith", "extra_forbidden"],
      ["data.petal width", "missing"],
    ]);

    const values = failure(() => rowsFromData([5.1, "tall", true, null], iris));
    expect(values.details.map((d) => [d.path.join("."), d.type])).toEqual([
      ["data.1", "float_parsing"],
      ["data.2", "float_type"],
      ["data.3", "float_type"],
    ]);
    expect(values.details[0]!.message).toMatch(/"tall"/);
  });

  it("refuses shapes it cannot read", () => {
    expect(failure(() => rowsFromData([], iris)).details[0]!.type).toBe("too_short");
    expect(failure(() => rowsFromData([[1, 2, 3, 4], 5], iris)).details[0]!.type).toBe("list_type");
    expect(failure(() => rowsFromData(5, iris)).status).toBe(422);
    expect(failure(() => rowsFromData({ a: 1, b: 2, c: 3 }, positional)).details[0]!.message).toMatch(/no names/);
    expect(failure(() => rowsFromData(new Array(MAX_ROWS + 1).fill([1, 2, 3]), positional)).details[0]!.type).toBe("too_long");
  });
});

describe("rowsFromCsv", () => {
  it("takes columns by header name, ignoring others, or lines as positional rows", () => {
    const csv = "id,petal width,sepal length,petal length,sepal width,species\n7,0.2,5.1,1.4,3.5,setosa\n8,1.3,6.1,4.0,2.8,versicolor\n";
    expect(rowsFromCsv(csv, iris)).toEqual([
      [5.1, 3.5, 1.4, 0.2],
      [6.1, 2.8, 4.0, 1.3],
    ]);
    expect(rowsFromCsv("1,2,3\r\n4,5,6", positional)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const missing = failure(() => rowsFromCsv("sepal length,sepal width\n1,2\n", iris));
    expect(missing.details.map((d) => d.path.join("."))).toEqual(["data_link.2.petal length", "data_link.2.petal width"]);
    expect(failure(() => rowsFromCsv("", iris)).status).toBe(422);
  });
});

describe("featureSpec", () => {
  it("prefers the model's feature_names_in_, then the featurelist's inputs, else positions", () => {
    const list = [{ feature_name: "b", type: "cat", kind: 0 }, { feature_name: "a", type: "cont", kind: 0 }, { feature_name: "y", type: "cont", kind: 1 }];
    expect(featureSpec(list, { nFeatures: 2, featureNames: ["a", "b"] })).toEqual({ nFeatures: 2, names: ["a", "b"], types: ["cont", "cat"] });
    expect(featureSpec(list, { nFeatures: 2, featureNames: null })).toEqual({ nFeatures: 2, names: ["b", "a"], types: ["cat", "cont"] });
    // A featurelist that does not match the model's width is not used to name columns.
    expect(featureSpec(list, { nFeatures: 3, featureNames: null })).toEqual({ nFeatures: 3, names: null, types: [null, null, null] });
  });
});
