import { gunzipSync } from "node:zlib";
import type { Cell } from "./compare";

/** A featurelist entry as the models API stores it. */
export interface FeatureEntry {
  feature_name: string;
  type: "cont" | "cat";
  /** 0 input, 1 target. */
  kind: 0 | 1;
}

/** Largest decompressed data file read for drift (gzip bombs stop here). */
const MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024;

function isFeatureEntry(value: unknown): value is FeatureEntry {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.feature_name === "string" && (v.type === "cont" || v.type === "cat") && (v.kind === 0 || v.kind === 1);
}

/** The model's featurelist, keeping only well-formed entries (the API validated them on the way in). */
export function featureEntries(featurelist: unknown[]): FeatureEntry[] {
  return featurelist.filter(isFeatureEntry);
}

/** Splits one line: quoted fields for comma/semicolon/tab files, runs of blanks for whitespace files. */
function splitLine(line: string, delimiter: string | null): string[] {
  if (delimiter === null) return line.trim().split(/\s+/);
  const cells: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current.trim() === "") quoted = true;
    else if (ch === delimiter) {
      cells.push(current.trim());
      current = "";
    } else current += ch;
  }
  cells.push(current.trim());
  return cells;
}

function detectDelimiter(line: string): string | null {
  for (const candidate of [",", "\t", ";"]) if (line.includes(candidate)) return candidate;
  return null;
}

const isNumeric = (cell: string) => cell !== "" && Number.isFinite(Number(cell));

export interface ReferenceTable {
  /** Per input feature found in the file: its column. */
  columns: Map<string, Cell[]>;
  rows: number;
  /** How the columns were matched: by a header row or by featurelist position. */
  matchedBy: "header" | "position";
}

/**
 * Reads the model's data file (the training data of the models document) into one column per input
 * feature. CSV with commas, tabs or semicolons, or whitespace-separated values (like scikit-learn's
 * diabetes files), optionally gzip-compressed. With a header row, columns are matched to feature
 * names (case-insensitive); without one, the columns are taken to follow the featurelist's order,
 * targets included.
 */
export function readReferenceTable(bytes: Buffer, features: FeatureEntry[]): ReferenceTable {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes, { maxOutputLength: MAX_DECOMPRESSED_BYTES }) : bytes;
  const lines = raw.toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  const columns = new Map<string, Cell[]>();
  if (!lines.length) return { columns, rows: 0, matchedBy: "position" };
  const delimiter = detectDelimiter(lines[0]!);
  const first = splitLine(lines[0]!, delimiter);
  const names = new Set(features.map((f) => f.feature_name.toLowerCase()));
  const hasHeader = first.some((cell) => names.has(cell.toLowerCase())) || first.every((cell) => !isNumeric(cell));

  const indexOf = new Map<string, number>();
  if (hasHeader) {
    const header = first.map((cell) => cell.toLowerCase());
    for (const f of features) {
      const index = header.indexOf(f.feature_name.toLowerCase());
      if (index >= 0) indexOf.set(f.feature_name, index);
    }
  } else {
    features.forEach((f, i) => indexOf.set(f.feature_name, i));
  }

  const inputs = features.filter((f) => f.kind === 0 && indexOf.has(f.feature_name));
  for (const f of inputs) columns.set(f.feature_name, []);
  const body = hasHeader ? lines.slice(1) : lines;
  for (const line of body) {
    const cells = splitLine(line, delimiter);
    for (const f of inputs) {
      const cell = cells[indexOf.get(f.feature_name)!];
      columns.get(f.feature_name)!.push(cell === undefined || cell === "" ? null : cell);
    }
  }
  return { columns, rows: body.length, matchedBy: hasHeader ? "header" : "position" };
}
