/**
 * The bucket of a category value past its field's one-hot cap: 32-bit FNV-1a over the UTF-16 code
 * units, masked to 2^bits buckets. Deterministic and platform-independent (no Math.random, no locale).
 */
export function hashBucket(value: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return bits >= 32 ? h >>> 0 : (h >>> 0) % 2 ** bits;
}
