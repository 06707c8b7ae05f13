import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDict, isObject, readModelFile } from "../pickle";
import { registryContext } from "./index";
import { findEstimator } from "./registry";
import { FIXTURES, checkOutputs, fileCases, loadFixture, model } from "./testing/linear-family-fixtures";

const OTHERS = ["kneighbors_classifier", "kneighbors_regressor", "gaussian_nb", "kmeans"];

describe("KNN, GaussianNB and KMeans match scikit-learn 1.2.1", () => {
  it.each(fileCases(OTHERS))("%s (%s)", (name, _fmt, file) => {
    checkOutputs(loadFixture(file), model(name));
  });

  it("KMeans is a clusterer with transform; with 4 or 10 inputs each is explained by coalition enumeration", () => {
    const km = loadFixture("models/kmeans.p4.pkl");
    expect(km.kind).toBe("clusterer");
    expect(km.classes).toBeNull();
    for (const name of OTHERS) {
      const m = model(name);
      expect(loadFixture(`models/${name}.p4.pkl`).explain!(m.X[0]!, {})).toMatchObject({ method: "shapley_enumeration", exact: true });
    }
  });

  it("KNN with distance weights: an exact match takes all the weight", () => {
    const read = readModelFile(readFileSync(path.join(FIXTURES, "models/kneighbors_regressor.p4.pkl")));
    if (!read.ok || !isObject(read.value) || !isDict(read.value.state)) throw new Error("fixture unreadable");
    read.value.state.set("weights", "distance");
    const est = findEstimator("sklearn.neighbors._regression.KNeighborsRegressor")!.load(read.value, registryContext("1.2.1"));
    // Training rows 0, 1, 2 (no duplicates in diabetes): each prediction is that row's own target.
    expect(est.predict(model("kneighbors_regressor").X.slice(0, 3))).toEqual([151, 75, 141]);
  });
});
