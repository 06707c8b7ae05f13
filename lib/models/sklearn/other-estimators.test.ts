import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDict, isObject, readModelFile } from "../pickle";
import { kneighborsLoaders } from "./kneighbors";
import { FIXTURES, checkOutputs, fileCases, loadFixture, model } from "./testing/linear-family-fixtures";
import type { LoaderContext } from "./types";

const OTHERS = ["kneighbors_classifier", "kneighbors_regressor", "gaussian_nb", "kmeans"];

describe("KNN, GaussianNB and KMeans match scikit-learn 1.2.1", () => {
  it.each(fileCases(OTHERS))("%s (%s)", (name, _fmt, file) => {
    checkOutputs(loadFixture(file), model(name));
  });

  it("KMeans is a clusterer with transform; none of these has an exact explainer", () => {
    const km = loadFixture("models/kmeans.p4.pkl");
    expect(km.kind).toBe("clusterer");
    expect(km.classes).toBeNull();
    for (const name of OTHERS) expect(loadFixture(`models/${name}.p4.pkl`).explain).toBeUndefined();
  });

  it("KNN with distance weights: an exact match takes all the weight", () => {
    const read = readModelFile(readFileSync(path.join(FIXTURES, "models/kneighbors_regressor.p4.pkl")));
    if (!read.ok || !isObject(read.value) || !isDict(read.value.state)) throw new Error("fixture unreadable");
    read.value.state.set("weights", "distance");
    const ctx: LoaderContext = { sklearnVersion: "1.2.1", load: () => { throw new Error("no nested estimators"); } };
    const est = kneighborsLoaders["sklearn.neighbors._regression.KNeighborsRegressor"]!(read.value, ctx);
    // Training rows 0, 1, 2 (no duplicates in diabetes): each prediction is that row's own target.
    expect(est.predict(model("kneighbors_regressor").X.slice(0, 3))).toEqual([151, 75, 141]);
  });
});
