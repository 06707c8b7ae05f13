import { csvCell } from "@/lib/tasks/bulk/export-rows";
import type { OperationResponse } from "./responses";

// The deployment page's operations export: one row per operation, as CSV or JSON lines. JSON lines
// keep each operation as the log's own page shows it; CSV cells hold the JSON text of data, result
// and explanation, with cells a spreadsheet would run as a formula neutralised.

/** Most operations one export holds (X-Export-Limit). */
export const MAX_OPERATIONS_EXPORT_ROWS = 100_000;

export const OPERATION_EXPORT_COLUMNS = ["id", "operationid", "created_at", "source", "latency_ms", "data", "result", "explanation"] as const;

export const operationsCsvHeader = (): string => `${OPERATION_EXPORT_COLUMNS.join(",")}\n`;

export function operationCsvLine(op: OperationResponse): string {
  const cells: Record<(typeof OPERATION_EXPORT_COLUMNS)[number], unknown> = {
    id: op.id,
    operationid: op.operationid,
    created_at: op.created_at,
    source: op.source,
    latency_ms: op.latency_ms,
    data: op.data,
    result: op.result,
    explanation: op.explanation,
  };
  return `${OPERATION_EXPORT_COLUMNS.map((c) => csvCell(cells[c])).join(",")}\n`;
}

export function operationJsonLine(op: OperationResponse): string {
  const { id, operationid, created_at, source, latency_ms, data, result, explanation, deploymentid, modelid, ownerid } = op;
  return `${JSON.stringify({ id, operationid, created_at, source, latency_ms, data, result, explanation, deploymentid, modelid, ownerid })}\n`;
}
