import Papa from "papaparse";
import { isPlainObject } from "../problems";
import type { RequestType } from "../request-types";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS } from "./limits";

// Reads a bulk upload in the browser: a CSV with a header row (one column per request parameter,
// `a.b` for nested ones) or JSONL (one request body per line, as POST /v1/requests/<type> takes).
// Either may carry `gold`, the known answer of a control question. The server validates the bodies.

/** One request of the file: its line (1 is the file's first line) and the body it makes. */
export interface UploadRow {
  line: number;
  /** null when the line could not be read as a request at all (`problems` says why). */
  body: Record<string, unknown> | null;
  problems: string[];
}

export type UploadParse = { ok: true; rows: UploadRow[] } | { ok: false; message: string };

export type UploadFormat = "csv" | "jsonl";

/** Columns whose cells are lists: a JSON array, or values separated by `|`. */
const LIST_COLUMNS = new Set(["attachments", "choices", "tags", "exclude_crunchers"]);
/** Columns read as text whatever they look like. */
const TEXT_COLUMNS = new Set(["instruction", "hook_url"]);
/** Types whose answer is text, so a gold cell such as `42` stays text. */
const TEXT_ANSWER_TYPES = new Set<RequestType>(["free-text"]);

export function formatOf(filename: string): UploadFormat | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  return null;
}

/** The requests of a file's text; refused whole when it is too large or holds too many rows. */
export function parseUpload(text: string, format: UploadFormat, type: RequestType): UploadParse {
  if (new TextEncoder().encode(text).length > MAX_UPLOAD_BYTES) return { ok: false, message: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` };
  const parsed = format === "csv" ? parseCsv(text.replace(/^\uFEFF/, ""), type) : parseJsonl(text);
  if (!parsed.ok) return parsed;
  if (parsed.rows.length === 0) return { ok: false, message: "The file holds no requests." };
  if (parsed.rows.length > MAX_UPLOAD_ROWS) return { ok: false, message: `The file holds ${parsed.rows.length.toLocaleString("en-GB")} requests; at most ${MAX_UPLOAD_ROWS.toLocaleString("en-GB")} at a time.` };
  return parsed;
}

function parseJsonl(text: string): UploadParse {
  const rows: UploadRow[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    if (rows.length > MAX_UPLOAD_ROWS) break;
    try {
      const body: unknown = JSON.parse(line);
      rows.push(isPlainObject(body) ? { line: i + 1, body, problems: [] } : { line: i + 1, body: null, problems: ["The line must be a JSON object."] });
    } catch {
      rows.push({ line: i + 1, body: null, problems: ["The line is not valid JSON."] });
    }
  }
  return { ok: true, rows };
}

function parseCsv(text: string, type: RequestType): UploadParse {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", preview: MAX_UPLOAD_ROWS + 2 });
  const [head, ...records] = result.data;
  if (!head) return { ok: false, message: "The file holds no requests." };
  const columns = head.map((name) => name.trim().toLowerCase());
  if (!columns.includes("instruction")) return { ok: false, message: "The header row must name the columns, instruction among them." };
  const duplicate = columns.find((c, i) => c && columns.indexOf(c) !== i);
  if (duplicate) return { ok: false, message: `The column "${duplicate}" is named twice.` };
  // Papa reports row numbers of the data it returned; the header is row 0.
  const rowProblems = new Map<number, string[]>();
  for (const e of result.errors) if (e.row !== undefined && e.row !== null) rowProblems.set(e.row, [...(rowProblems.get(e.row) ?? []), e.message]);
  const rows = records.map((cells, i): UploadRow => {
    const problems = [...(rowProblems.get(i + 1) ?? [])];
    if (cells.length > columns.length) problems.push(`The row has ${cells.length} cells; the header names ${columns.length}.`);
    const body: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      const cell = cells[c]?.trim() ?? "";
      if (!column || cell === "") return;
      setPath(body, column.split("."), cellValue(column, cell, type));
    });
    return { line: i + 2, body, problems };
  });
  return { ok: true, rows };
}

/** A cell as the parameter its column names: text, a list, or a JSON value (numbers, booleans, objects). */
export function cellValue(column: string, cell: string, type: RequestType): unknown {
  if (TEXT_COLUMNS.has(column)) return cell;
  if (LIST_COLUMNS.has(column)) {
    if (cell.startsWith("[")) return jsonOr(cell, cell);
    return cell.split("|").map((v) => v.trim()).filter(Boolean);
  }
  if (column === "gold" && TEXT_ANSWER_TYPES.has(type)) return cell.startsWith('"') ? jsonOr(cell, cell) : cell;
  if (/^[[{"]/.test(cell) || /^(true|false|null)$/.test(cell) || /^-?\d+(\.\d+)?$/.test(cell)) return jsonOr(cell, cell);
  return cell;
}

function jsonOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  if (path.some((key) => !key || UNSAFE_KEYS.has(key))) return;
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (!isPlainObject(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
}
