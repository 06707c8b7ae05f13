// P(D_n ≥ d) for the one-sample two-sided Kolmogorov statistic (scipy.stats.kstwo.sf), which
// scipy's two-sample test uses for large samples with n = round(m·n / (m + n)). Computed with the
// matrix method of Marsaglia, Tsang & Wang (2003), "Evaluating Kolmogorov's distribution", with
// base-10 exponent tracking so the matrix power cannot overflow; in the far tail, where the matrix
// would be large and the answer is below ~1e-6 anyway, their closed-form approximation is used.

const SCALE = 1e140;
const SCALE_EXPONENT = 140;
const MAX_MATRIX = 150;

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j]! += aik * b[k * m + j]!;
    }
  }
  return out;
}

/** H^n with a separate base-10 exponent: the matrix is rescaled whenever its centre grows large. */
function power(h: Float64Array, m: number, n: number): { matrix: Float64Array; exponent: number } {
  if (n === 1) return { matrix: h.slice(), exponent: 0 };
  const half = power(h, m, Math.floor(n / 2));
  let matrix = multiply(half.matrix, half.matrix, m);
  let exponent = 2 * half.exponent;
  if (n % 2 === 1) matrix = multiply(h, matrix, m);
  const centre = Math.floor(m / 2);
  if (matrix[centre * m + centre]! > SCALE) {
    for (let i = 0; i < matrix.length; i++) matrix[i]! *= 1 / SCALE;
    exponent += SCALE_EXPONENT;
  }
  return { matrix, exponent };
}

/** P(D_n < d). */
export function kolmogorovCdf(n: number, d: number): number {
  if (d <= 0) return 0;
  if (d >= 1) return 1;
  const k = Math.floor(n * d) + 1;
  const m = 2 * k - 1;
  if (m > MAX_MATRIX) {
    const s = d * d * n;
    return Math.max(0, 1 - 2 * Math.exp(-(2.000071 + 0.331 / Math.sqrt(n) + 1.409 / n) * s));
  }
  const h = k - n * d;
  const matrix = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) matrix[i * m + j] = i - j + 1 < 0 ? 0 : 1;
  for (let i = 0; i < m; i++) {
    matrix[i * m]! -= h ** (i + 1);
    matrix[(m - 1) * m + i]! -= h ** (m - i);
  }
  if (2 * h - 1 > 0) matrix[(m - 1) * m]! += (2 * h - 1) ** m;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      for (let g = 1; g <= i - j + 1; g++) matrix[i * m + j]! /= g;
    }
  }
  const { matrix: q, exponent } = power(matrix, m, n);
  let s = q[(k - 1) * m + (k - 1)]!;
  let e = exponent;
  for (let i = 1; i <= n; i++) {
    s = (s * i) / n;
    if (s < 1 / SCALE) {
      s *= SCALE;
      e -= SCALE_EXPONENT;
    }
  }
  return Math.min(1, s * 10 ** e);
}

/** P(D_n ≥ d). */
export function kolmogorovSurvival(n: number, d: number): number {
  return Math.min(1, Math.max(0, 1 - kolmogorovCdf(n, d)));
}
