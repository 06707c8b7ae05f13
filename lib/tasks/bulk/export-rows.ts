import { answersAgree } from "../agreement";
import type { TaskRequestRecord } from "../store";

// The Tasks page's export: one row per request (id, type, status, instruction, the agreed response,
// every cruncher's raw answer, agreement and confidence, created and completed times), as CSV or JSONL.

export interface ExportRow {
  id: string;
  type: string;
  mode: string;
  gold: boolean;
  status: string;
  instruction: string;
  response: unknown;
  /** cruncher id → that cruncher's answer, in the order they arrived. */
  raw_responses: Record<string, unknown>;
  answers: number;
  /** Share of the answers that agree with the response; null without a response. */
  agreement: number | null;
  /** Dawid–Skene's posterior of the response; null for other strategies. */
  confidence: number | null;
  created_at: string;
  completed_at: string | null;
}

export const EXPORT_COLUMNS = ["id", "type", "mode", "gold", "status", "instruction", "response", "raw_responses", "answers", "agreement", "confidence", "created_at", "completed_at"] as const satisfies readonly (keyof ExportRow)[];

export function exportRowOf(record: TaskRequestRecord): ExportRow {
  const { response, answers } = record;
  const agreeing = response === null ? 0 : answers.filter((a) => answersAgree(record.type, record.params as never, a.answer as never, response as never)).length;
  return {
    id: record.id,
    type: record.type,
    mode: record.mode,
    gold: record.gold,
    status: record.status,
    instruction: record.params.instruction,
    response,
    raw_responses: Object.fromEntries(answers.map((a) => [a.cruncherId, a.answer])),
    answers: answers.length,
    agreement: response !== null && answers.length ? Math.round((agreeing / answers.length) * 1000) / 1000 : null,
    confidence: record.consensus?.probability ?? null,
    created_at: record.createdAt.toISOString(),
    completed_at: record.completedAt ? record.completedAt.toISOString() : null,
  };
}

/**
 * One CSV cell: quoted when it holds a separator, quote or line break; a cell a spreadsheet would run
 * as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with ' and quoted.
 */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
  const formula = /^[=+\-@\t\r]/.test(text);
  const safe = formula ? `'${text}` : text;
  return formula || /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvHeader = (): string => `${EXPORT_COLUMNS.join(",")}\n`;
export const csvLine = (row: ExportRow): string => `${EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(",")}\n`;
export const jsonLine = (row: ExportRow): string => `${JSON.stringify(row)}\n`;
