import type { InputRow } from "@/lib/models/sklearn";
import { numericCell, parseCsv } from "./csv";
import type { FeatureSpec } from "./features";

/** Enough rows for a stable mean or a sampling explainer's frozen sample; taken evenly from the file. */
export const MAX_BACKGROUND_ROWS = 10_000;

/**
 * The explainers' background from the model's uploaded training data (a CSV with a header): the input
 * feature columns, by name when the model names them, else the first nFeatures columns when the file
 * has exactly that many (or one more: the target, listed last). Rows with an empty or NaN cell are
 * skipped. Null when the file does not fit, so the estimator falls back (scaler mean) and says so.
 */
export function backgroundFromCsv(text: string, spec: FeatureSpec): InputRow[] | null {
  const lines = parseCsv(text);
  if (lines.length < 2 || spec.nFeatures === 0) return null;
  const header = lines[0]!.map((c) => c.trim());
  let columns: number[] | null = null;
  if (spec.names && spec.names.every((n) => header.includes(n))) columns = spec.names.map((n) => header.indexOf(n));
  else if (header.length === spec.nFeatures || header.length === spec.nFeatures + 1) columns = Array.from({ length: spec.nFeatures }, (_, i) => i);
  if (!columns) return null;

  const body = lines.slice(1);
  const take = Math.min(body.length, MAX_BACKGROUND_ROWS);
  const rows: InputRow[] = [];
  for (let i = 0; i < take; i++) {
    const line = body[Math.floor((i * body.length) / take)]!;
    let ok = true;
    const row = columns.map((c, j) => {
      const raw = line[c] ?? "";
      if (spec.types[j] === "cat") return raw;
      const n = numericCell(raw);
      // An untyped text column may be categorical (a OneHotEncoder pipeline): keep the text.
      if (n === null && raw.trim() !== "" && spec.types[j] === null) return raw;
      if (n === null || Number.isNaN(n)) ok = false;
      return n ?? NaN;
    });
    if (ok) rows.push(row);
  }
  return rows.length ? rows : null;
}

/** A rough in-memory size of background rows, for the cache's budget. */
export function backgroundBytes(rows: readonly InputRow[] | null): number {
  if (!rows?.length) return 256;
  return rows.length * (rows[0]!.length * 16 + 64);
}
