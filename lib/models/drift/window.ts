import type { Cell } from "./compare";

// What a deployment operation's input looks like depends on how it was recorded: a prediction
// stores {data: rows, explain} with each row an array in the deployment's column order; an external
// operation stores the caller's `data` as sent — one row, a list of rows, objects keyed by feature
// name, or the JSON string the document's example shows.

type Row = Map<string, Cell>;

const isCell = (v: unknown): v is Cell => v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function rowFromArray(values: unknown[], columns: string[]): Row {
  const row: Row = new Map();
  columns.forEach((name, i) => row.set(name, isCell(values[i]) ? values[i] : null));
  return row;
}

function rowFromObject(value: Record<string, unknown>): Row {
  const row: Row = new Map();
  for (const [name, cell] of Object.entries(value)) if (isCell(cell)) row.set(name, cell);
  return row;
}

/**
 * The rows in one operation's input. Arrays are positional (`columns`: the deployment's column
 * order); objects are matched by name (`names`: every feature name we look for).
 */
export function rowsOfInput(input: unknown, columns: string[], names: ReadonlySet<string>, depth = 0): Row[] {
  if (depth > 3) return [];
  if (typeof input === "string") {
    try {
      return rowsOfInput(JSON.parse(input) as unknown, columns, names, depth + 1);
    } catch {
      return [];
    }
  }
  if (Array.isArray(input)) {
    if (input.length && input.every((v) => Array.isArray(v) || isPlainObject(v))) return input.flatMap((v) => rowsOfInput(v, columns, names, depth + 1));
    return input.length && input.every(isCell) ? [rowFromArray(input, columns)] : [];
  }
  if (isPlainObject(input)) {
    const named = Object.keys(input).some((key) => names.has(key));
    // A whole request body stored as the input: {data: …, explain: …}.
    if (!named && "data" in input) return rowsOfInput(input.data, columns, names, depth + 1);
    return named ? [rowFromObject(input)] : [];
  }
  return [];
}

/**
 * The most recent `limit` rows of the operations (given newest first) as one column per wanted
 * feature, oldest row first.
 */
export function windowColumns(inputsNewestFirst: unknown[], columns: string[], wanted: string[], limit: number): { columns: Map<string, Cell[]>; rows: number } {
  const names = new Set([...columns, ...wanted]);
  const rows: Row[] = [];
  for (const input of inputsNewestFirst) {
    const operationRows = rowsOfInput(input, columns, names);
    // Within one operation the rows are in request order; walk them backwards to stay newest first.
    for (let i = operationRows.length - 1; i >= 0 && rows.length < limit; i--) rows.push(operationRows[i]!);
    if (rows.length >= limit) break;
  }
  rows.reverse();
  return { columns: new Map(wanted.map((name) => [name, rows.map((row) => row.get(name) ?? null)])), rows: rows.length };
}
