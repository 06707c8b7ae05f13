import { describe, expect, it } from "vitest";
import type { PyObject, PyValue } from "../pickle/values";
import { loadEstimator } from "./index";

const obj = (className: string, state: [string, PyValue][]): PyObject => ({ $kind: "object", $class: className, args: [], state: new Map<PyValue, PyValue>(state) });
const vocabulary = (terms: string[]) => new Map<PyValue, PyValue>(terms.map((t, i) => [t, BigInt(i)]));
const ndarray = (values: number[]): PyValue => values;

describe("text vectorizers", () => {
  it("CountVectorizer: lowercase, \\b\\w\\w+\\b tokens in any script, one-letter words dropped, unknown terms ignored", () => {
    const v = obj("sklearn.feature_extraction.text.CountVectorizer", [["vocabulary_", vocabulary(["free", "money", "été", "x_1", "naïve"])], ["ngram_range", [1, 1]]]);
    const loaded = loadEstimator(v, "1.2.1");
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.estimator.kind).toBe("transformer");
    expect(loaded.estimator.predictOutputs!([["FREE money, free! a été X_1 naïve-ish zzz"]])).toEqual([[2, 1, 1, 1, 1]]);
  });

  it("n-grams are built after the English stop words are removed", () => {
    const v = obj("sklearn.feature_extraction.text.CountVectorizer", [
      ["vocabulary_", vocabulary(["quick fox", "fox", "the quick"])],
      ["ngram_range", [1, 2]],
      ["stop_words", "english"],
    ]);
    const loaded = loadEstimator(v, "1.4.0");
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.estimator.predictOutputs!([["The quick fox"]])).toEqual([[1, 1, 0]]);
  });

  it("TfidfVectorizer: tf · idf, then the l2 norm of the row (idf_ of ≥ 1.5, or the CSR _idf_diag before)", () => {
    const idf = [1.5, 2, 3];
    const diag = obj("scipy.sparse._csr.csr_matrix", [["data", ndarray(idf)], ["indices", ndarray([0, 1, 2])], ["indptr", ndarray([0, 1, 2, 3])]]);
    for (const tfidf of [obj("sklearn.feature_extraction.text.TfidfTransformer", [["idf_", ndarray(idf)]]), obj("sklearn.feature_extraction.text.TfidfTransformer", [["_idf_diag", diag]])]) {
      const v = obj("sklearn.feature_extraction.text.TfidfVectorizer", [["vocabulary_", vocabulary(["aa", "bb", "cc"])], ["_tfidf", tfidf], ["norm", "l2"]]);
      const loaded = loadEstimator(v, "1.7.2");
      if (!loaded.ok) throw new Error(loaded.message);
      const raw = [2 * 1.5, 1 * 2, 0];
      const norm = Math.sqrt(raw[0]! ** 2 + raw[1]! ** 2);
      expect(loaded.estimator.predictOutputs!([["aa bb aa"]])).toEqual([raw.map((x) => (x === 0 ? 0 : x / norm))]);
    }
  });

  it("a custom token_pattern or tokenizer is stored, not served, and says why", () => {
    const v = obj("sklearn.feature_extraction.text.CountVectorizer", [["vocabulary_", vocabulary(["a"])], ["token_pattern", "\\w+"]]);
    expect(loadEstimator(v, "1.2.1")).toMatchObject({ ok: false, code: "unsupported_class", message: expect.stringContaining("CountVectorizer with a custom token_pattern cannot be served") });
  });
});

describe("explaining text models", () => {
  it("a lone vectorizer explains its first column against the empty document", () => {
    const v = obj("sklearn.feature_extraction.text.CountVectorizer", [["vocabulary_", vocabulary(["spam", "ham"])]]);
    const loaded = loadEstimator(v, "1.2.1");
    if (!loaded.ok) throw new Error(loaded.message);
    const e = loaded.estimator.explain!(["spam spam ham"], {});
    expect(e).toMatchObject({ method: "shapley_enumeration", output: "transform[column=0]", base_value: 0, value: 2, values: [2] });
  });
});
