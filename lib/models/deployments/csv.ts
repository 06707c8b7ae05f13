/**
 * A small RFC 4180 reader for the CSV files this feature reads (uploaded training data, data_link
 * inputs): commas, double-quoted fields with "" escapes and embedded newlines, CRLF or LF, an optional
 * UTF-8 BOM. Blank lines are skipped. Every cell is text; callers decide what is a number.
 */
export function parseCsv(text: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    cell = "";
  };
  for (; i < text.length && rows.length < maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else cell += c;
  }
  if (rows.length < maxRows && (cell !== "" || row.length)) endRow();
  return rows;
}

/** A cell as a number when it is one ("5.1", "-3e-2", "nan"), else null. */
export function numericCell(cell: string): number | null {
  const t = cell.trim();
  if (t === "") return null;
  const lower = t.toLowerCase();
  if (lower === "nan") return NaN;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A typical header: at least one cell that is not a number (a data row of numbers has none). */
export function looksLikeHeader(row: readonly string[]): boolean {
  return row.some((cell) => numericCell(cell) === null && cell.trim() !== "");
}
