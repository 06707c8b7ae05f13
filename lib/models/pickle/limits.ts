/** Bounds applied while reading. All are configurable through ReadOptions. */
export interface ReadLimits {
  /** Max size of the (decompressed) pickle stream in bytes. */
  maxDecompressedSize: number;
  /** Max ratio decompressed/compressed size (applied on top of maxDecompressedSize; floor 1 MiB). */
  maxCompressionRatio: number;
  /** Max bytes allocated for values that can be amplified by memo reuse (arrays, encoded bytes). */
  maxAllocatedBytes: number;
  /** Max number of items on the stack (all mark levels together). */
  maxStackSize: number;
  /** Max number of memo entries. */
  maxMemoSize: number;
  /** Max number of open MARKs. */
  maxMarks: number;
  /** Max nesting depth of the resulting value. */
  maxDepth: number;
  /** Max number of array dimensions. */
  maxDims: number;
  /** Max number of elements of a single array. */
  maxArrayElements: number;
  /** Max number of opcodes executed (guards against pathological inputs). */
  maxOpcodes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxDecompressedSize: 512 * 1024 * 1024,
  maxCompressionRatio: 1000,
  maxAllocatedBytes: 1024 * 1024 * 1024,
  maxStackSize: 1_000_000,
  maxMemoSize: 1_000_000,
  maxMarks: 10_000,
  maxDepth: 200,
  maxDims: 32,
  maxArrayElements: 256 * 1024 * 1024,
  maxOpcodes: 50_000_000,
};
