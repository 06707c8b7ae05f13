/**
 * Text vectorizers (sklearn.feature_extraction.text): CountVectorizer, TfidfVectorizer and
 * TfidfTransformer, with scikit-learn's default word analyzer. A vectorizer takes one text column and
 * gives one column per vocabulary term (dense here), so inside a Pipeline it feeds the final
 * estimator, and on its own it is served as its transform.
 *
 * The analyzer (`build_analyzer` for analyzer="word"): lowercase (unless lowercase=False), the
 * default token_pattern `(?u)\b\w\w+\b` (Python's \w: letters, digits and "_" in any script), stop
 * words removed (None, "english" or a list), then the n-grams of ngram_range joined by one space;
 * each term of `vocabulary_` is counted (binary=True: 1). TF-IDF: tf (sublinear_tf: 1 + ln tf) times
 * idf (`idf_` from 1.5, the diagonal of `_idf_diag` before), then each row divided by its l2 (or l1)
 * norm. Custom tokenizers, preprocessors, analyzers, token patterns and strip_accents are stored,
 * not served (they are Python code or need Python's regex engine).
 */
import { attr, isDict, isList, isObject, isTuple, type PyObject, type PyValue } from "../pickle/values";
import { classNameOf, toNumbers } from "./arrays";
import { ENGLISH_STOP_WORDS } from "./english-stop-words";
import { checkWidth, InputError } from "./input";
import type { Transformer } from "./transformer";
import { LoadError, type InputRow, type PipelineStepEntry } from "./types";

const DEFAULT_PATTERNS = new Set(["(?u)\\b\\w\\w+\\b", "\\b\\w\\w+\\b"]);
/** \b\w\w+\b with Python's Unicode \w. */
const TOKEN = /(?<![\p{L}\p{N}_])[\p{L}\p{N}_]{2,}(?![\p{L}\p{N}_])/gu;

const unsupported = (className: string, what: string) => new LoadError("unsupported_class", `${className} with ${what} cannot be served`);

function stringList(v: PyValue | undefined): string[] | null {
  const items = isList(v) || isTuple(v) ? v : isObject(v) ? null : (v as { $kind?: string; items?: PyValue[] } | undefined)?.$kind === "set" ? (v as { items: PyValue[] }).items : null;
  if (!items || items.some((s) => typeof s !== "string")) return null;
  return items as string[];
}

interface Analyzer {
  (text: string): string[];
}

function wordAnalyzer(obj: PyObject, className: string): Analyzer {
  const param = (k: string) => attr(obj, k);
  if ((param("analyzer") ?? "word") !== "word") throw unsupported(className, `analyzer=${JSON.stringify(param("analyzer")).slice(0, 40)}`);
  for (const k of ["tokenizer", "preprocessor", "strip_accents"]) if (param(k) !== null && param(k) !== undefined) throw unsupported(className, `a custom ${k}`);
  const pattern = param("token_pattern") ?? "(?u)\\b\\w\\w+\\b";
  if (typeof pattern !== "string" || !DEFAULT_PATTERNS.has(pattern)) throw unsupported(className, "a custom token_pattern");
  const lowercase = param("lowercase") !== false;
  const sw = param("stop_words");
  const stop: ReadonlySet<string> | null = sw === null || sw === undefined ? null : sw === "english" ? ENGLISH_STOP_WORDS : stringList(sw) ? new Set(stringList(sw)) : null;
  if (sw !== null && sw !== undefined && stop === null) throw unsupported(className, "these stop_words");
  const range = toNumbers(param("ngram_range") ?? [1, 1], `${className}.ngram_range`);
  const [minN, maxN] = [range[0]!, range[1]!];
  if (!(Number.isInteger(minN) && Number.isInteger(maxN) && minN >= 1 && maxN >= minN && maxN <= 10)) throw unsupported(className, "this ngram_range");
  return (text) => {
    const doc = lowercase ? text.toLowerCase() : text;
    let tokens: string[] = doc.match(TOKEN) ?? [];
    if (stop) tokens = tokens.filter((t) => !stop.has(t));
    if (maxN === 1) return tokens;
    const out: string[] = minN === 1 ? [...tokens] : [];
    for (let n = Math.max(minN, 2); n <= Math.min(maxN, tokens.length); n++) {
      for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(" "));
    }
    return out;
  };
}

function vocabularyOf(obj: PyObject, className: string): Map<string, number> {
  const v = attr(obj, "vocabulary_");
  if (!isDict(v)) throw new LoadError("malformed", `${className}: not fitted (no vocabulary_)`);
  const out = new Map<string, number>();
  for (const [term, index] of v) {
    const j = typeof index === "bigint" ? Number(index) : index;
    if (typeof term !== "string" || typeof j !== "number" || !Number.isInteger(j) || j < 0 || j >= v.size) {
      throw new LoadError("malformed", `${className}.vocabulary_ maps a term to an index out of range`);
    }
    out.set(term, j);
  }
  return out;
}

/** The fitted idf weights: idf_ (≥ 1.5), else the diagonal of the CSR matrix _idf_diag. */
function idfOf(tfidf: PyObject, className: string, n: number): number[] {
  const direct = attr(tfidf, "idf_");
  if (direct !== undefined && direct !== null) {
    const idf = toNumbers(direct, `${className}.idf_`);
    if (idf.length !== n) throw new LoadError("malformed", `${className}.idf_ has ${idf.length} values for ${n} terms`);
    return idf;
  }
  const diag = attr(tfidf, "_idf_diag");
  if (!isObject(diag)) throw new LoadError("malformed", `${className}: not fitted (no idf_)`);
  const data = toNumbers(attr(diag, "data"), `${className}._idf_diag.data`);
  const indices = toNumbers(attr(diag, "indices"), `${className}._idf_diag.indices`);
  const indptr = toNumbers(attr(diag, "indptr"), `${className}._idf_diag.indptr`);
  if (indptr.length !== n + 1 || indices.length !== data.length) throw new LoadError("malformed", `${className}._idf_diag is not an ${n}×${n} CSR matrix`);
  const idf = new Array<number>(n).fill(0);
  for (let r = 0; r < n; r++) for (let k = indptr[r]!; k < indptr[r + 1]!; k++) if (indices[k] === r) idf[r] = data[k]!;
  return idf;
}

/** tf → tf·idf → row normalisation, in place on a dense row. */
function tfidfWeighting(obj: PyObject, className: string, n: number): (row: number[]) => number[] {
  const norm = attr(obj, "norm") ?? "l2";
  if (norm !== null && norm !== "l2" && norm !== "l1") throw unsupported(className, `norm=${JSON.stringify(norm).slice(0, 20)}`);
  const sublinear = attr(obj, "sublinear_tf") === true;
  const idf = attr(obj, "use_idf") === false ? null : idfOf(obj, className, n);
  return (row) => {
    let total = 0;
    for (let j = 0; j < row.length; j++) {
      let v = row[j]!;
      if (v === 0) continue;
      if (sublinear) v = Math.log(v) + 1;
      if (idf) v *= idf[j]!;
      row[j] = v;
      total += norm === "l1" ? Math.abs(v) : v * v;
    }
    if (norm !== null && total > 0) {
      const d = norm === "l1" ? total : Math.sqrt(total);
      for (let j = 0; j < row.length; j++) if (row[j] !== 0) row[j]! /= d;
    }
    return row;
  };
}

function vectorizer(obj: PyValue, tfidf: boolean): Transformer {
  if (!isObject(obj)) throw new LoadError("malformed", "expected a vectorizer object");
  const className = classNameOf(obj);
  const short = className.slice(className.lastIndexOf(".") + 1);
  const analyze = wordAnalyzer(obj, short);
  const vocabulary = vocabularyOf(obj, short);
  const n = vocabulary.size;
  const binary = attr(obj, "binary") === true;
  let weight: ((row: number[]) => number[]) | null = null;
  if (tfidf) {
    const inner = attr(obj, "_tfidf");
    if (!isObject(inner)) throw new LoadError("malformed", `${short}: not fitted (no _tfidf)`);
    weight = tfidfWeighting(inner, short, n);
  }
  return {
    className,
    nIn: 1,
    nOut: n,
    sourceOf: new Array<number>(n).fill(0),
    transform(row: InputRow, i: number) {
      checkWidth(row, 1, i);
      // The explainers' all-zero background row stands for the empty document.
      const text = row[0] === 0 ? "" : row[0];
      if (typeof text !== "string") throw new InputError(`row ${i}: a text (string) is expected`);
      const out = new Array<number>(n).fill(0);
      for (const term of analyze(text)) {
        const j = vocabulary.get(term);
        if (j !== undefined) out[j] = binary ? 1 : out[j]! + 1;
      }
      return weight ? weight(out) : out;
    },
    meanIn: [null],
    meanOut: new Array<null>(n).fill(null),
  };
}

function tfidfTransformer(obj: PyValue): Transformer {
  if (!isObject(obj)) throw new LoadError("malformed", "expected a TfidfTransformer object");
  const className = classNameOf(obj);
  const declared = attr(obj, "n_features_in_");
  const idf = attr(obj, "idf_");
  const diag = attr(obj, "_idf_diag");
  const n =
    typeof declared === "number" ? declared
    : idf !== undefined && idf !== null ? toNumbers(idf, `${className}.idf_`).length
    : isObject(diag) ? toNumbers(attr(diag, "indptr"), `${className}._idf_diag.indptr`).length - 1
    : 0;
  if (!(n > 0)) throw new LoadError("malformed", `${className}: not fitted (no idf_)`);
  const weight = tfidfWeighting(obj, "TfidfTransformer", n);
  return {
    className,
    nIn: n,
    nOut: n,
    sourceOf: Array.from({ length: n }, (_, j) => j),
    transform(row: InputRow, i: number) {
      checkWidth(row, n, i);
      return weight(row.map((v) => Number(v)));
    },
    meanIn: new Array<null>(n).fill(null),
    meanOut: new Array<null>(n).fill(null),
  };
}

export const textVectorizers: PipelineStepEntry[] = [
  { className: "sklearn.feature_extraction.text.CountVectorizer", load: (obj) => vectorizer(obj, false) },
  { className: "sklearn.feature_extraction.text.TfidfVectorizer", load: (obj) => vectorizer(obj, true) },
  { className: "sklearn.feature_extraction.text.TfidfTransformer", load: tfidfTransformer },
];
