/**
 * Other versions' layouts (lib/models/fixtures/layouts.py, docs/sklearn-pickles.md §13): the 1.2.1
 * fixtures re-pickled as scikit-learn 0.20, 0.21, 0.23, 1.3, 1.4, numpy 2, a CRLF protocol-0 file and compressed
 * joblib write them. Serving follows the layout, so each must give exactly the 1.2.1 outputs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recogniseModelFile } from "../estimator";
import { readModelFile } from "../pickle";
import { loadEstimator } from "./index";
import { FIXTURES, checkOutputs, model } from "./testing/linear-family-fixtures";

interface LayoutFile {
  file: string;
  base: string;
  layout: string;
  note: string;
  /** Outputs that differ from 1.2.1's in this layout (computed by scikit-learn itself). */
  expected?: Record<string, unknown>;
}

const manifest = JSON.parse(readFileSync(path.join(FIXTURES, "layouts.json"), "utf8")) as { files: LayoutFile[]; stored: { file: string; class: string }[] };
const VERSIONS: Record<string, string> = { "sklearn-0.20": "0.20.4", "sklearn-0.21": "0.21.3", "sklearn-0.23": "0.23.2", "sklearn-1.3": "1.3.2", "sklearn-1.4": "1.4.2", "numpy-2": "1.6.1", python2: "0.20.4", "protocol0-crlf": "0.20.4" };

describe("older and newer layouts give the 1.2.1 outputs", () => {
  it("covers every layout", () => {
    expect(new Set(manifest.files.map((f) => f.layout))).toEqual(new Set(Object.keys(VERSIONS)));
    expect(manifest.files.length).toBeGreaterThanOrEqual(50);
  });

  it.each(manifest.files.map((f) => [f.file, f] as const))("%s", (_file, f) => {
    const bytes = readFileSync(path.join(FIXTURES, f.file));
    const read = readModelFile(bytes);
    if (!read.ok) throw new Error(`${f.file}: ${read.error.code}: ${read.error.message}`);
    expect(read.sklearnVersion).toBe(VERSIONS[f.layout]);
    const expected = { ...model(f.base), ...f.expected };
    expect(read.className).toBe(expected.class);
    const loaded = loadEstimator(read.value, read.sklearnVersion ?? null);
    if (!loaded.ok) throw new Error(`${f.file}: ${loaded.code}: ${loaded.message}`);
    checkOutputs(loaded.estimator, expected);
    // The upload's verdict is deployment's: servable, with the version it found.
    expect(recogniseModelFile(bytes)).toMatchObject({ ok: true, estimator: { class: expected.class, sklearn_version: VERSIONS[f.layout], servable: true, reason: null } });
  });

  it("lists an old file's width and a pandas Index's feature names", () => {
    const forest = recogniseModelFile(readFileSync(path.join(FIXTURES, "layouts/random_forest_classifier.sklearn-0.21.pkl")));
    expect(forest.ok && forest.estimator.n_features).toBe(model("random_forest_classifier").X[0]!.length);
    const piped = recogniseModelFile(readFileSync(path.join(FIXTURES, "layouts/pipeline_scaler_logreg.numpy-2.pkl")));
    const width = model("pipeline_scaler_logreg").X[0]!.length;
    expect(piped.ok && piped.estimator.feature_names).toEqual(Array.from({ length: width }, (_, i) => `f${i}`));
  });

  it("reads each joblib compression of the same stream to the same value", () => {
    const formats = manifest.files.filter((f) => f.base === "ridge" && f.file.includes(".joblib")).map((f) => {
      const read = readModelFile(readFileSync(path.join(FIXTURES, f.file)));
      return read.ok ? read.format : read.error.message;
    });
    expect(formats.sort()).toEqual(["joblib", "joblib-bz2", "joblib-gzip", "joblib-lzma", "joblib-xz"]);
  });

  it("a CRLF text pickle keeps no \\r in names or strings", () => {
    const read = readModelFile(readFileSync(path.join(FIXTURES, "layouts/ridge.protocol0-crlf.pkl")));
    expect(read.ok && read.className).toBe("sklearn.linear_model._ridge.Ridge");
    expect(JSON.stringify(read.ok && [...((read.value as { state: Map<string, unknown> }).state.keys())])).not.toContain("\\r");
  });
});

describe("real pickles of classes without a loader are stored, never refused", () => {
  it.each(manifest.stored.map((f) => [f.file, f] as const))("%s", (_file, f) => {
    const r = recogniseModelFile(readFileSync(path.join(FIXTURES, f.file)));
    if (!r.ok) throw new Error(`${f.file}: ${r.code}: ${r.message}`);
    expect(r.estimator).toMatchObject({ class: f.class, sklearn_version: "1.2.1" });
    // Servable once its family is registered; until then the reason names what the reader found.
    if (!r.estimator.servable) expect(r.estimator.reason).toMatch(/ \(\w+, scikit-learn 1\.2\.1\)$/);
  });
});

describe("dict subclasses", () => {
  it.each(["layouts/stored/voting_bunch.pkl", "layouts/stored/voting_bunch.p0.pkl"])("%s keeps a Bunch's items", (file) => {
    const read = readModelFile(readFileSync(path.join(FIXTURES, file)));
    if (!read.ok) throw new Error(read.error.message);
    const bunch = (read.value as { state: Map<string, unknown> }).state.get("named_estimators_") as { $class: string; dictItems: Map<string, { $class: string }> };
    expect(bunch.$class).toBe("sklearn.utils._bunch.Bunch");
    expect([...bunch.dictItems.keys()]).toEqual(["lr", "nb"]);
    expect(bunch.dictItems.get("nb")!.$class).toBe("sklearn.naive_bayes.GaussianNB");
  });
});

describe("reasons quote the file's strings safely", () => {
  it("escapes control characters a loader quotes", () => {
    const read = readModelFile(readFileSync(path.join(FIXTURES, "layouts/hist_gradient_boosting_regressor.sklearn-1.4.pkl")));
    if (!read.ok) throw new Error(read.error.message);
    (read.value as { state: Map<string, unknown> }).state.set("loss", "odd\r\nloss");
    const r = loadEstimator(read.value, "1.4.2\u0007");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain("odd\\x0d\\x0aloss");
    expect(r.message).toContain("scikit-learn 1.4.2\\x07");
    expect(/[\x00-\x1f]/.test(r.message)).toBe(false);
  });
});
