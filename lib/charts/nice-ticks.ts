/** A step of 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Round ticks covering [min, max] (and zero, unless told not to), about `count` of them: 0, 0.5, 1, 1.5 rather than
 * 0.13, 0.47, 0.81. The first and last tick are the axis domain.
 */
export function niceTicks(min: number, max: number, count = 5, { includeZero = true } = {}): number[] {
  const lo = includeZero ? Math.min(min, 0) : min;
  const hi = includeZero ? Math.max(max, 0) : max;
  if (lo === hi) return includeZero ? [0, 1] : [lo - 1, lo + 1];
  const step = niceStep((hi - lo) / Math.max(1, count - 1));
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Number(v.toPrecision(12)) || 0);
  return ticks;
}
