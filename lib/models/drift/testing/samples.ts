/**
 * Approximately normal values from only additions (Irwin–Hall: the sum of 12 uniforms − 6), so the
 * Python script that computed the tests' expected values with scipy draws the very same numbers
 * from the same mulberry32 stream.
 */
export function normalish(random: () => number, n: number, loc = 0, scale = 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < 12; k++) s += random();
    out.push((s - 6) * scale + loc);
  }
  return out;
}

