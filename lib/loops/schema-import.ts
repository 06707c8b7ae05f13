import Papa from "papaparse";
import { MAX_INPUT_FIELDS } from "./limits";
import type { FieldType } from "./types";

/**
 * Field names and types for the new-loop form, read from a CSV header with a few sample rows or from a
 * JSON example (one object, or an array of them), in the order they appear. Runs in the browser.
 */

export interface ImportedField {
  name: string;
  type: FieldType;
}

export type SchemaImport = { ok: true; fields: ImportedField[]; rows: number } | { ok: false; problem: string };

/** Characters read from a pasted or chosen example; the header and a few rows are all that is needed. */
export const MAX_IMPORT_CHARS = 1_000_000;
/** Sample rows looked at to choose each column's type. */
export const SAMPLE_ROWS = 50;

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;
/** "02139": a code whose leading zero a number would lose. */
const LEADING_ZERO = /^[+-]?0\d/;

/** The narrowest type every sampled text value fits: boolean, integer, float, else string. */
function typeOfTexts(values: string[]): FieldType {
  const present = values.map((v) => v.trim()).filter((v) => v !== "");
  if (!present.length) return "string";
  if (present.every((v) => BOOLEAN.test(v))) return "boolean";
  if (present.some((v) => LEADING_ZERO.test(v))) return "string";
  if (present.every((v) => INTEGER.test(v))) return "integer";
  if (present.every((v) => NUMBER.test(v))) return "float";
  return "string";
}

function typeOfValues(values: unknown[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (!present.length) return "string";
  if (present.every((v) => typeof v === "boolean")) return "boolean";
  if (present.every((v) => typeof v === "number" && Number.isInteger(v))) return "integer";
  if (present.every((v) => typeof v === "number")) return "float";
  if (present.every((v) => Array.isArray(v))) return "array";
  if (present.every((v) => typeof v === "object" && !Array.isArray(v))) return "object";
  return "string";
}

function tooMany(count: number): SchemaImport | null {
  return count > MAX_INPUT_FIELDS ? { ok: false, problem: `The example has ${count} columns; a loop takes at most ${MAX_INPUT_FIELDS} input fields.` } : null;
}

export function importFromCsv(text: string): SchemaImport {
  const parsed = Papa.parse<string[]>(text.slice(0, MAX_IMPORT_CHARS), { skipEmptyLines: "greedy", preview: SAMPLE_ROWS + 1 });
  const [header, ...rows] = parsed.data;
  if (!header?.length || header.every((h) => !h.trim())) return { ok: false, problem: "The CSV has no header line." };
  const names = header.map((h) => h.trim());
  const blank = names.findIndex((n) => !n);
  if (blank >= 0) return { ok: false, problem: `Column ${blank + 1} of the header has no name.` };
  const limit = tooMany(names.length);
  if (limit) return limit;
  return { ok: true, rows: rows.length, fields: names.map((name, i) => ({ name, type: typeOfTexts(rows.map((r) => r[i] ?? "")) })) };
}

export function importFromJson(text: string): SchemaImport {
  let value: unknown;
  try {
    value = JSON.parse(text.slice(0, MAX_IMPORT_CHARS));
  } catch {
    return { ok: false, problem: "This is not valid JSON (or it is longer than 1,000,000 characters)." };
  }
  const examples = (Array.isArray(value) ? value.slice(0, SAMPLE_ROWS) : [value]).filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v));
  if (!examples.length) return { ok: false, problem: "Give one example object, or an array of them: {\"age\": 31, \"plan\": \"pro\"}." };
  const names: string[] = [];
  for (const example of examples) for (const key of Object.keys(example)) if (!names.includes(key)) names.push(key);
  const limit = tooMany(names.length);
  if (limit) return limit;
  return { ok: true, rows: examples.length, fields: names.map((name) => ({ name, type: typeOfValues(examples.map((e) => e[name])) })) };
}

/** JSON when it looks like JSON, else CSV. */
export function importSchema(text: string): SchemaImport {
  const start = text.trimStart()[0];
  return start === "{" || start === "[" ? importFromJson(text) : importFromCsv(text);
}
