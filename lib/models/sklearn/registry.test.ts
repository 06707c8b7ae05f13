/**
 * The registry is the one list of classes: for every entry the reader's whitelist admits its names,
 * the verdict stored with an upload calls it servable, and its loader loads a scikit-learn fixture.
 * And the other way round: a class the reader admits without an entry is neither servable nor loaded.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { notServableReason, recogniseModelFile } from "../estimator";
import { isDict, isList, isObject, isTuple, readModelFile, type PyObject, type PyValue } from "../pickle";
import { resolveGlobal, trustedClassNames } from "../pickle/whitelist";
import { loadEstimator, registryContext } from "./index";
import { ESTIMATORS, PIPELINE_STEPS, findEstimator, findPipelineStep, namesOf } from "./registry";
import { FIXTURES, checkOutputs, expectClose, expected } from "./testing/linear-family-fixtures";
import type { Estimator } from "./types";

const fixtureBytes = (name: string) => readFileSync(path.join(FIXTURES, expected.models[name]!.files.protocol4 as string));

function fixtureValue(name: string): PyValue {
  const read = readModelFile(fixtureBytes(name));
  if (!read.ok) throw new Error(`${name}: ${read.error.message}`);
  return read.value;
}

/** sklearn's check_is_fitted: some attribute ends in "_" (unfitted templates such as a forest's estimator have none). */
const isFitted = (obj: PyObject) => isDict(obj.state) && [...obj.state.keys()].some((k) => typeof k === "string" && k.endsWith("_") && !k.startsWith("__"));

/** A nested Pipeline whose steps were fitted (a ColumnTransformer also keeps the unfitted templates it was given). */
function fittedPipeline(obj: PyObject): boolean {
  const steps = isDict(obj.state) ? obj.state.get("steps") : undefined;
  const last = isList(steps) || isTuple(steps) ? steps[steps.length - 1] : undefined;
  const est = isList(last) || isTuple(last) ? last[1] : undefined;
  return isObject(est) && isFitted(est);
}

/** Every fitted object of the class inside any fixture (forest members, pipeline steps), with its fixture's name. */
function nestedObjects(className: string): [string, PyObject][] {
  const found: [string, PyObject][] = [];
  // A Pipeline keeps nothing fitted of its own: nested ones (not the file's top object) count.
  const pipeline = className === "sklearn.pipeline.Pipeline";
  for (const name of Object.keys(expected.models)) {
    const seen = new Set<PyValue>();
    const root = fixtureValue(name);
    const stack: PyValue[] = [root];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (v === null || typeof v !== "object" || seen.has(v)) continue;
      seen.add(v);
      if (isObject(v)) {
        if (v.$class === className && (pipeline ? v !== root && fittedPipeline(v) : isFitted(v))) found.push([name, v]);
        stack.push(v.state ?? null, ...v.args);
      } else if (isDict(v)) stack.push(...v.values());
      else if (isList(v) || isTuple(v)) stack.push(...v);
    }
  }
  return found;
}

function expectAdmitted(className: string): void {
  const dot = className.lastIndexOf(".");
  expect(resolveGlobal(className.slice(0, dot), className.slice(dot + 1)).kind).toBe("class");
}

function load(value: PyValue): Estimator {
  const loaded = loadEstimator(value, expected.sklearn);
  if (!loaded.ok) throw new Error(`${loaded.code}: ${loaded.message}`);
  return loaded.estimator;
}

/** Element-wise mean of equally shaped arrays, summed in order then divided, as a forest averages its trees. */
function mean(outputs: unknown[]): unknown {
  const first = outputs[0];
  if (!Array.isArray(first)) return (outputs as number[]).reduce((a, b) => a + b, 0) / outputs.length;
  return first.map((_, i) => mean(outputs.map((o) => (o as unknown[])[i])));
}

/**
 * Classes without a scikit-learn fixture (Debian packages neither XGBoost nor LightGBM): their own
 * tests build fitted objects (boosters/xgboost.test.ts, boosters/lightgbm.test.ts,
 * meta/multioutput.test.ts, linear-model.test.ts for the *CV linear models), and the real-model corpus
 * checks real files of most.
 */
const TESTED_ELSEWHERE = new Set([
  "xgboost.sklearn.XGBClassifier",
  "xgboost.sklearn.XGBRegressor",
  "lightgbm.sklearn.LGBMClassifier",
  "lightgbm.sklearn.LGBMRegressor",
  "sklearn.multioutput.MultiOutputRegressor",
  "sklearn.multioutput.MultiOutputClassifier",
  "sklearn.linear_model._coordinate_descent.ElasticNetCV",
  "sklearn.linear_model._coordinate_descent.LassoCV",
  "sklearn.linear_model._ridge.RidgeCV",
  // text vectorizers: vectorizers.test.ts
  "sklearn.feature_extraction.text.CountVectorizer",
  "sklearn.feature_extraction.text.TfidfVectorizer",
  "sklearn.feature_extraction.text.TfidfTransformer",
]);

/** A lone preprocessing step is served as a transformer: checked with the pipeline steps below. */
const loneStep = (e: { className: string }) => findPipelineStep(e.className) !== undefined && e.className !== "sklearn.pipeline.Pipeline";

describe("every registered estimator is admitted, shown servable and loaded", () => {
  it.each(ESTIMATORS.filter((e) => !loneStep(e) && !TESTED_ELSEWHERE.has(e.className)).map((e) => [e.className.split(".").pop()!, e] as const))("%s", (_short, entry) => {
    for (const name of namesOf(entry)) expectAdmitted(name);
    const fixtures = Object.entries(expected.models).filter(([, m]) => m.class === entry.className);
    for (const [name, m] of fixtures) {
      const recognised = recogniseModelFile(fixtureBytes(name));
      expect(recognised).toMatchObject({ ok: true, estimator: { class: entry.className, servable: true, reason: null } });
      checkOutputs(load(fixtureValue(name)), m);
    }
    if (fixtures.length > 0) return;

    // No fixture of its own (ExtraTreeClassifier / ExtraTreeRegressor): the members of a fitted
    // ExtraTrees forest are real ones, and their mean must be the forest's output. A forest fits its
    // members without input checks, so they lack the n_features_in_ a standalone fit records.
    const members = nestedObjects(entry.className);
    expect(members.length, `no fixture holds a ${entry.className}: add one to ../fixtures/generate.py`).toBeGreaterThan(0);
    const forest = expected.models[members[0]![0]]!;
    expect(members.every(([name]) => expected.models[name] === forest)).toBe(true);
    const trees = members.map(([, member]) => {
      if (!isDict(member.state)) throw new Error("member tree without a state dict");
      member.state.set("n_features_in_", forest.X[0]!.length);
      expect(notServableReason(member, expected.sklearn)).toBeNull();
      return load(member);
    });
    if (forest.predict_proba) expectClose(mean(trees.map((t) => t.predictProba!(forest.X))), forest.predict_proba);
    else expectClose(mean(trees.map((t) => t.predict(forest.X))), forest.predict);
  });
});

describe("every registered pipeline step is admitted, loads inside a pipeline, and is served alone as a transformer", () => {
  it.each(PIPELINE_STEPS.filter((e) => !TESTED_ELSEWHERE.has(e.className)).map((e) => [e.className.split(".").pop()!, e] as const))("%s", (_short, entry) => {
    for (const name of namesOf(entry)) expectAdmitted(name);
    const steps = nestedObjects(entry.className);
    expect(steps.length, `no fixture holds a ${entry.className}`).toBeGreaterThan(0);
    for (const [name, step] of steps) {
      const t = registryContext(expected.sklearn).loadStep(step);
      expect(t.className).toBe(entry.className);
      // A Pipeline is both: served as its final estimator, a step when it holds preprocessing only.
      if (entry.className === "sklearn.pipeline.Pipeline") continue;
      expect(notServableReason(step, expected.sklearn)).toBeNull();
      const lone = load(step);
      expect(lone.kind).toBe("transformer");
      // Its prediction is the transformed row, whenever the fixture's inputs are this step's inputs.
      const X = expected.models[name]!.X;
      if (X[0]!.length === t.nIn) expect(lone.predictOutputs!(X)).toEqual(X.map((row, i) => t.transform(row, i)));
    }
  });
});

describe("a class the reader admits without a registry entry", () => {
  const unregistered = trustedClassNames().filter((name) => !findEstimator(name) && !findPipelineStep(name));

  it("is one of the helper objects estimators' pickles hold", () => {
    expect(unregistered).toContain("sklearn.tree._tree.Tree");
    expect(unregistered).toContain("sklearn.dummy.DummyClassifier");
    // The rest of the trust list is exactly the registry's names (a Pipeline is listed as both kinds).
    expect(unregistered.length + new Set([...ESTIMATORS, ...PIPELINE_STEPS].flatMap(namesOf)).size).toBe(trustedClassNames().length);
  });

  it.each(unregistered)("%s is not servable and does not load", (className) => {
    const record: PyObject = { $kind: "object", $class: className, args: [], state: new Map() };
    const short = className.slice(className.lastIndexOf(".") + 1);
    expect(notServableReason(record, expected.sklearn)).toBe(`${short} is not servable yet (${short}, scikit-learn ${expected.sklearn})`);
    expect(loadEstimator(record, expected.sklearn)).toMatchObject({ ok: false, code: "unsupported_class" });
    expect(() => registryContext(expected.sklearn).loadStep(record)).toThrow(/is not servable yet as a pipeline step/);
  });
});

describe("the README's table of served estimators", () => {
  it("names exactly the registry's classes", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("**Served estimators.**"), readme.indexOf("**Serving.**"));
    const rows = section.split("\n").filter((line) => line.startsWith("|"));
    const listed = rows.flatMap((row) => [...row.matchAll(/`([A-Z]\w+)`/g)].map((m) => m[1]!));
    const registered = [...ESTIMATORS, ...PIPELINE_STEPS].map((e) => e.className.slice(e.className.lastIndexOf(".") + 1));
    expect([...new Set(listed)].sort()).toEqual([...new Set(registered)].sort());
  });
});
