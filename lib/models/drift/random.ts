/** At most `size` values drawn without replacement (all of them, in order, when there are fewer). */
export function subsample<T>(values: readonly T[], size: number, random: () => number): T[] {
  if (values.length <= size) return [...values];
  const copy = [...values];
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, size);
}
