/**
 * The float64 operations sklearn 1.2 / numpy 1.24 / scipy 1.10 apply after the trees, written in the
 * same order so results agree to the last bits where it is cheap to do so.
 */

/** numpy's pairwise summation (what `a.sum(axis=-1)` does on a contiguous row). */
export function numpySum(a: ArrayLike<number>, off: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[off + i]!;
    return s;
  }
  if (n <= 128) {
    const r = [a[off]!, a[off + 1]!, a[off + 2]!, a[off + 3]!, a[off + 4]!, a[off + 5]!, a[off + 6]!, a[off + 7]!];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += a[off + i + j]!;
    let s = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) s += a[off + i]!;
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return numpySum(a, off, n2) + numpySum(a, off + n2, n - n2);
}

/** numpy.argmax: the first maximum wins; NaN counts as the maximum, as in numpy. */
export function argmaxOf(a: ArrayLike<number>): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v !== v) return i;
    if (v > a[best]!) best = i;
  }
  return best;
}

/** scipy.special.expit. */
export const expit = (x: number): number => 1 / (1 + Math.exp(-x));

/** np.finfo(np.float32).eps: sklearn clips init probabilities to [eps, 1 − eps]. */
export const FLOAT32_EPS = 2 ** -23;
export const clipProba = (p: number): number => Math.min(Math.max(p, FLOAT32_EPS), 1 - FLOAT32_EPS);

/** GradientBoosting multinomial: exp(raw − scipy.special.logsumexp(raw)), NaN → 0 (np.nan_to_num). */
export function gbSoftmax(raw: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < raw.length; i++) max = Math.max(max, raw[i]!);
  if (!Number.isFinite(max)) max = 0;
  const tmp = Array.from(raw, (v) => Math.exp(v - max));
  const lse = Math.log(numpySum(tmp, 0, tmp.length)) + max;
  return Array.from(raw, (v) => nanToNum(Math.exp(v - lse)));
}

/** sklearn.utils.extmath.softmax (HistGradientBoosting multiclass). */
export function softmax(raw: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < raw.length; i++) max = Math.max(max, raw[i]!);
  const e = Array.from(raw, (v) => Math.exp(v - max));
  const s = numpySum(e, 0, e.length);
  return e.map((v) => v / s);
}

function nanToNum(v: number): number {
  if (v !== v) return 0;
  if (v === Infinity) return Number.MAX_VALUE;
  if (v === -Infinity) return -Number.MAX_VALUE;
  return v;
}
