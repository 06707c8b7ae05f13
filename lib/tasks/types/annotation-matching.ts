import type { Annotation } from "./annotation-marks";

/**
 * How close two marks must be to count as the same mark. Coordinates are pixels of the attachment
 * (the document's unit), so the point radius is a fixed pixel distance.
 */
export const ANNOTATION_TOLERANCES = {
  /** Two points are the same mark within this many pixels (Euclidean). */
  pointDistancePx: 30,
  /** Two rectangles are the same mark at this intersection-over-union or more. */
  rectangleMinIoU: 0.5,
  /** Two marks in a video or audio are at the same moment within this many seconds. */
  timeSeconds: 1,
} as const;

interface Box {
  x: number;
  y: number;
  x2: number;
  y2: number;
}

function intersectionOverUnion(a: Box, b: Box): number {
  const width = Math.min(a.x2, b.x2) - Math.max(a.x, b.x);
  const height = Math.min(a.y2, b.y2) - Math.max(a.y, b.y);
  const intersection = width > 0 && height > 0 ? width * height : 0;
  const area = (r: Box) => (r.x2 - r.x) * (r.y2 - r.y);
  const union = area(a) + area(b) - intersection;
  return union > 0 ? intersection / union : 0;
}

/** Same attachment, same moment, same place; the per-annotation answers are compared by the caller. */
export function sameMark(a: Annotation, b: Annotation): boolean {
  if ((a.attachment_index ?? 0) !== (b.attachment_index ?? 0)) return false;
  // A video mark without t means "anywhere in the video"; it only matches another such mark.
  if ((a.t === undefined) !== (b.t === undefined)) return false;
  if (a.t !== undefined && b.t !== undefined && Math.abs(a.t - b.t) > ANNOTATION_TOLERANCES.timeSeconds) return false;
  if (a.x === undefined || a.y === undefined || b.x === undefined || b.y === undefined) return a.x === b.x && a.y === b.y; // audio: time only
  if (a.x2 !== undefined && a.y2 !== undefined && b.x2 !== undefined && b.y2 !== undefined) {
    const boxA = { x: a.x, y: a.y, x2: a.x2, y2: a.y2 };
    const boxB = { x: b.x, y: b.y, x2: b.x2, y2: b.y2 };
    return intersectionOverUnion(boxA, boxB) >= ANNOTATION_TOLERANCES.rectangleMinIoU;
  }
  return Math.hypot(a.x - b.x, a.y - b.y) <= ANNOTATION_TOLERANCES.pointDistancePx;
}

/** Kuhn's augmenting paths: can every left mark take a distinct right mark it is allowed to? */
function hasPerfectMatching(allowed: number[][], rightCount: number): boolean {
  const matchOfRight = new Array<number>(rightCount).fill(-1);
  const tryAssign = (left: number, visited: boolean[]): boolean => {
    for (const right of allowed[left] ?? []) {
      if (visited[right]) continue;
      visited[right] = true;
      const holder = matchOfRight[right]!;
      if (holder === -1 || tryAssign(holder, visited)) {
        matchOfRight[right] = left;
        return true;
      }
    }
    return false;
  };
  return allowed.every((_, left) => tryAssign(left, new Array<boolean>(rightCount).fill(false)));
}

/**
 * Two annotation answers agree when they have the same number of marks and the marks pair up one to
 * one, each pair being the same mark (sameMark) whose per-annotation answers agree.
 */
export function annotationListsAgree<R>(
  a: (Annotation & { response?: R })[],
  b: (Annotation & { response?: R })[],
  responsesAgree: ((x: R, y: R) => boolean) | null,
): boolean {
  if (a.length !== b.length) return false;
  const pairs = (left: Annotation & { response?: R }, right: Annotation & { response?: R }) =>
    sameMark(left, right) && (!responsesAgree || responsesAgree(left.response as R, right.response as R));
  const allowed = a.map((left) => b.flatMap((right, j) => (pairs(left, right) ? [j] : [])));
  return hasPerfectMatching(allowed, b.length);
}
