import { ApiError, type ApiErrorDetail } from "@/lib/http/errors";
import { parsedJsonProblem } from "@/lib/http/json-body";
import type { InputRow, InputValue } from "@/lib/models/sklearn";
import { numericCell, parseCsv, looksLikeHeader } from "./csv";
import { displayNames, type FeatureSpec } from "./features";

// The predict body of POST /deployment/{id}/predict, parsed without a schema library because the
// accepted shapes are several: {"data": row | rows | {name: value} | [{name: value}] | {name: [values]},
// "explain": bool}, the original implementation's "explanation" flag, and {"data_link": url}. Every
// problem is a detail with its location, like FastAPI's 422.

export const MAX_ROWS = 10_000;
const MAX_DETAILS = 20;

export type PredictRequest = { kind: "data"; data: unknown; explain: boolean } | { kind: "link"; url: string; explain: boolean };

const KNOWN_KEYS = new Set(["data", "data_link", "explain", "explanation"]);

/** Python writes a tuple as (5.1, 3.5); a JSON client must send [5.1, 3.5]. Say so with the caller's own values. */
function notJsonMessage(text: string, error: Error): string {
  const tuple = /[:[,]\s*\(([^()]*)\)/.exec(text);
  if (tuple) {
    const all = tuple[1]!.split(",").map((v) => v.trim()).filter(Boolean).join(", ");
    const values = all.length > 200 ? `${all.slice(0, 200)}, …` : all;
    return `The request body is not valid JSON: it contains a Python tuple (${values}). Send a JSON array instead, e.g. {"data": [${values}], "explain": true}.`;
  }
  if (/:\s*(True|False|None)\b/.test(text)) return "The request body is not valid JSON: JSON writes true, false and null in lower case (not True, False, None).";
  return `The request body is not valid JSON: ${error.message}`;
}

function flag(body: Record<string, unknown>, key: string, problems: ApiErrorDetail[]): boolean {
  const value = body[key];
  if (value === undefined || value === null) return false;
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  problems.push({ path: [key], message: "Input should be a valid boolean", type: "bool_type" });
  return false;
}

/** The raw body → what to predict on. 400 for text that is not JSON, 422 for JSON of the wrong shape. */
export function parsePredictBody(raw: string): PredictRequest {
  if (!raw.trim()) throw new ApiError(400, 'The request body is empty; send {"data": [...], "explain": true}.');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (error) {
    throw new ApiError(400, notJsonMessage(raw, error as Error));
  }
  const unacceptable = parsedJsonProblem(raw, body);
  if (unacceptable) throw new ApiError(422, "The request body holds a value that cannot be accepted.", [unacceptable]);
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiError(422, "The request body is invalid.", [{ path: [], message: 'Input should be an object such as {"data": [...], "explain": true}', type: "model_type" }]);
  }
  const record = body as Record<string, unknown>;
  const problems: ApiErrorDetail[] = [];
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) problems.push({ path: [key], message: `Unknown field '${key.slice(0, 60)}'; send data (or data_link) and explain`, type: "extra_forbidden" });
  }
  const explain = flag(record, "explain", problems) || flag(record, "explanation", problems);
  const hasData = record.data !== undefined;
  const link = record.data_link;
  if (hasData && link !== undefined) problems.push({ path: ["data_link"], message: "Send data or data_link, not both", type: "value_error" });
  else if (!hasData && link === undefined) problems.push({ path: ["data"], message: "Field required", type: "missing" });
  else if (link !== undefined && !isHttpUrl(link)) problems.push({ path: ["data_link"], message: "Input should be an http(s) URL", type: "url_parsing" });
  if (problems.length) throw new ApiError(422, "The request body is invalid.", problems);
  return hasData ? { kind: "data", data: record.data, explain } : { kind: "link", url: link as string, explain };
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

type Path = (string | number)[];

/** Collects problems and stops early once there are enough to show. */
class Problems {
  readonly list: ApiErrorDetail[] = [];
  add(path: Path, message: string, type: string): void {
    if (this.list.length < MAX_DETAILS) this.list.push({ path, message, type });
  }
  throwIfAny(): void {
    if (this.list.length) throw new ApiError(422, "The input does not fit the model.", this.list);
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || ["number", "string", "boolean"].includes(typeof v);
const show = (v: unknown) => JSON.stringify(v)?.slice(0, 40) ?? String(v);

/** One cell: numbers as they are; numeric strings become numbers unless the column is categorical. */
function cell(value: unknown, type: FeatureSpec["types"][number], path: Path, problems: Problems): InputValue {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    if (type === "cat") return value;
    const n = numericCell(value);
    if (n !== null) return n;
    // A column the registry does not type may be categorical (a OneHotEncoder pipeline): the estimator decides.
    if (type === null) return value;
    problems.add(path, `Input should be a number, not ${show(value)}`, "float_parsing");
    return NaN;
  }
  problems.add(path, `Input should be a number${type === "cat" ? " or a string" : ""}, not ${show(value)}`, "float_type");
  return NaN;
}

function positionalRow(values: unknown[], spec: FeatureSpec, path: Path, problems: Problems): InputRow {
  if (values.length !== spec.nFeatures) {
    const names = displayNames(spec);
    const list = names.length <= 12 ? ` (${names.join(", ")})` : "";
    problems.add(path, `Expected ${spec.nFeatures} values${list}, got ${values.length}`, values.length < spec.nFeatures ? "too_short" : "too_long");
    return [];
  }
  return values.map((v, j) => cell(v, spec.types[j] ?? null, [...path, j], problems));
}

function namedRow(record: Record<string, unknown>, spec: FeatureSpec, path: Path, problems: Problems, ignoreUnknown = false): InputRow {
  if (!spec.names) {
    problems.add(path, "This model's features have no names (no feature_names_in_ and no featurelist): send each row as an array of values", "model_type");
    return [];
  }
  const known = new Set(spec.names);
  if (!ignoreUnknown) {
    for (const key of Object.keys(record)) if (!known.has(key)) problems.add([...path, key], `Unknown feature '${key.slice(0, 60)}'; the model's features are ${spec.names.join(", ")}`, "extra_forbidden");
  }
  return spec.names.map((name, j) => {
    if (!(name in record)) {
      problems.add([...path, name], "Field required: a value for this feature", "missing");
      return NaN;
    }
    return cell(record[name], spec.types[j] ?? null, [...path, name], problems);
  });
}

function checkCount(n: number, problems: Problems): void {
  if (n === 0) problems.add(["data"], "No rows: send at least one row", "too_short");
  if (n > MAX_ROWS) problems.add(["data"], `At most ${MAX_ROWS} rows per call, got ${n}`, "too_long");
  problems.throwIfAny();
}

/** `data` in any accepted shape → rows of the model's width, or a 422 listing what does not fit. */
export function rowsFromData(data: unknown, spec: FeatureSpec): InputRow[] {
  const problems = new Problems();
  let rows: InputRow[] = [];
  if (Array.isArray(data)) {
    checkCount(data.length, problems);
    if (data.every(isScalar)) rows = [positionalRow(data, spec, ["data"], problems)];
    else if (data.every(Array.isArray)) rows = data.map((r: unknown[], i) => positionalRow(r, spec, ["data", i], problems));
    else if (data.every(isPlainObject)) rows = data.map((r: Record<string, unknown>, i) => namedRow(r, spec, ["data", i], problems));
    else problems.add(["data"], "Input should be one row (an array of values), rows (an array of arrays) or objects keyed by feature name — not a mix", "list_type");
  } else if (isPlainObject(data)) {
    const values = Object.values(data);
    if (values.length && values.every(Array.isArray)) {
      // Columnar, as pandas' to_dict("list") writes it: {feature: [v0, v1, …]}.
      const n = (values[0] as unknown[]).length;
      if (values.some((v) => (v as unknown[]).length !== n)) problems.add(["data"], "Every column should have the same number of values", "value_error");
      else {
        checkCount(n, problems);
        rows = Array.from({ length: n }, (_, i) => namedRow(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (v as unknown[])[i]])), spec, ["data", i], problems));
      }
    } else rows = [namedRow(data, spec, ["data"], problems)];
  } else {
    problems.add(["data"], "Input should be a row (array), rows (array of arrays) or an object keyed by feature name", "list_type");
  }
  problems.throwIfAny();
  return rows;
}

/**
 * A fetched CSV → rows. With a header naming the model's features, columns are taken by name (other
 * columns, such as a target or an id, are ignored); without one, each line is a positional row.
 */
export function rowsFromCsv(text: string, spec: FeatureSpec): InputRow[] {
  const lines = parseCsv(text, MAX_ROWS + 2);
  if (!lines.length) throw new ApiError(422, "The input does not fit the model.", [{ path: ["data_link"], message: "The CSV is empty", type: "too_short" }]);
  const first = lines[0]!.map((c) => c.trim());
  const names = new Set(spec.names ?? []);
  const header = first.some((c) => names.has(c)) || looksLikeHeader(first) ? first : null;
  const body = header ? lines.slice(1) : lines;
  const problems = new Problems();
  checkCount(body.length, problems);
  const rows = body.map((line, i) => {
    if (!header) return positionalRow(line, spec, ["data_link", i + 1], problems);
    const record: Record<string, unknown> = {};
    header.forEach((name, j) => (record[name] = line[j] ?? ""));
    return namedRow(record, spec, ["data_link", i + 2], problems, true);
  });
  problems.throwIfAny();
  return rows;
}
