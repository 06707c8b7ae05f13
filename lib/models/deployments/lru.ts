/**
 * A least-recently-used map bounded by the summed size of its values rather than their count, so a
 * few large forests and many small linear models share one memory budget. An entry larger than the
 * whole budget is still kept (alone): serving a big model slowly beats not serving it.
 */
export class SizedLru<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private total = 0;
  evictions = 0;

  constructor(
    readonly maxBytes: number,
    private readonly onEvict: (key: string, value: V) => void = () => {},
  ) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, marked as the most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: V, size: number): void {
    this.delete(key);
    const bytes = Math.max(0, Math.ceil(size));
    this.entries.set(key, { value, size: bytes });
    this.total += bytes;
    // Map iteration is insertion order, and get() re-inserts: the first key is the least recently used.
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
      this.evictions++;
      this.onEvict(oldest, entry.value);
    }
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.size;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }
}
