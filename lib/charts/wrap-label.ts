/**
 * Breaks a chart label into lines of at most `maxChars`, after spaces, underscores, hyphens or
 * slashes where it can (never inside a number like 6.3) and anywhere where it must; past `maxLines` the last line ends in "…".
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const width = Math.max(4, Math.floor(maxChars));
  const pieces = text.match(/[^\s_\-/]+[\s_\-/]*|[\s_\-/]+/g) ?? [text];
  const lines: string[] = [];
  let line = "";
  for (let piece of pieces) {
    while (piece.length > 0) {
      if ((line + piece).trimEnd().length <= width) {
        line += piece;
        piece = "";
      } else if (line.trim() === "") {
        lines.push(piece.slice(0, width));
        piece = piece.slice(width);
        line = "";
      } else {
        lines.push(line.trimEnd());
        line = "";
        piece = piece.trimStart();
      }
    }
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const rest = lines.slice(maxLines - 1).reduce((text, next) => (text === "" || /[_\-/]$/.test(text) ? text + next : `${text} ${next}`), "");
  return [...lines.slice(0, maxLines - 1), `${rest.slice(0, width - 1)}…`];
}
