import type { Annotation } from "@/lib/tasks/types/annotation-marks";

/**
 * Marks on an attachment, in the document's units: x, y (and x2, y2) are pixels of the attachment
 * at its natural size, origin top-left, whatever size it is shown at; t is seconds.
 */
export type MarkPosition = Pick<Annotation, "x" | "y" | "x2" | "y2" | "t">;

export interface Size {
  width: number;
  height: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * A pointer position on the shown element, in the attachment's own pixels. Whole pixels when the
 * attachment is shown at its size or smaller; a tenth of a pixel when it is enlarged, so a small
 * image is not snapped to a coarse grid.
 */
export function naturalPoint(clientX: number, clientY: number, box: DOMRect, natural: Size): { x: number; y: number } {
  const scaleX = natural.width / box.width;
  const scaleY = natural.height / box.height;
  const x = Math.min(Math.max((clientX - box.left) * scaleX, 0), natural.width);
  const y = Math.min(Math.max((clientY - box.top) * scaleY, 0), natural.height);
  const snap = scaleX >= 1 ? Math.round : round1;
  return { x: snap(x), y: snap(y) };
}

/** The rectangle spanned by a drag, top-left first, as the document orders x,y and x2,y2. */
export function rectangleBetween(a: { x: number; y: number }, b: { x: number; y: number }): Required<Pick<Annotation, "x" | "y" | "x2" | "y2">> {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), x2: Math.max(a.x, b.x), y2: Math.max(a.y, b.y) };
}

export function formatSeconds(t: number): string {
  if (!Number.isFinite(t)) return "–:––";
  const minutes = Math.floor(t / 60);
  const seconds = t - minutes * 60;
  return `${minutes}:${seconds.toFixed(1).padStart(4, "0")}`;
}

/** Distinct, readable colours for marks and for crunchers on the review page. */
export const MARK_COLORS = ["#4f46e5", "#db2777", "#059669", "#d97706", "#0891b2", "#7c3aed", "#dc2626", "#65a30d"];
export const colorAt = (i: number) => MARK_COLORS[i % MARK_COLORS.length]!;

export function describeMark(mark: MarkPosition): string {
  const parts: string[] = [];
  if (mark.x !== undefined && mark.y !== undefined) parts.push(mark.x2 !== undefined ? `(${mark.x}, ${mark.y}) – (${mark.x2}, ${mark.y2})` : `(${mark.x}, ${mark.y})`);
  if (mark.t !== undefined) parts.push(`at ${formatSeconds(mark.t)}`);
  return parts.join(" ");
}
