/*
 * A cruncher's accuracy on gold questions with a Wilson score interval: unlike the plain p ± z·se
 * it stays inside [0, 1] and is honest for the small counts a new cruncher has (3 of 3 right is
 * not "100% ± 0").
 */

export interface GoldAccuracy {
  correct: number;
  total: number;
  /** correct / total (0 with no gold answers). */
  accuracy: number;
  /** Wilson interval at the given z (1.96 ≈ 95%); [0, 1] with no gold answers. */
  low: number;
  high: number;
}

export function goldAccuracy(correct: number, total: number, z = 1.96): GoldAccuracy {
  if (!Number.isInteger(correct) || !Number.isInteger(total) || correct < 0 || total < correct) throw new RangeError("Need whole numbers 0 ≤ correct ≤ total.");
  if (total === 0) return { correct, total, accuracy: 0, low: 0, high: 1 };
  const p = correct / total;
  const z2 = z * z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { correct, total, accuracy: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * The workspace rule: stop sending tasks once a cruncher has at least `minGoldAnswers` gold answers
 * and even the interval's upper end is below `threshold`, so bad luck on a few questions does not
 * bench a good cruncher.
 */
export function belowGoldThreshold(accuracy: GoldAccuracy, threshold: number, minGoldAnswers: number): boolean {
  return accuracy.total >= minGoldAnswers && accuracy.high < threshold;
}
