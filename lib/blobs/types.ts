import { createHash } from "node:crypto";
import type { Readable } from "node:stream";

// The blob store's contract, shared by its backends (lib/blobs/postgres-store.ts, the default, and
// lib/blobs/disk-store.ts for one-server set-ups); lib/blobs/store.ts picks one.

/** Bytes `start` to `end`, both included. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A stored blob opened for reading. */
export interface OpenedBlob {
  readonly size: number;
  /**
   * Its bytes (or one range of them) read piece by piece as the consumer pulls, so a large
   * download never sits in memory. Fails if the blob is removed while it is read.
   */
  stream(range?: ByteRange): Readable;
}

/** A stored blob as listed: its address, size and when it was last stored. */
export interface BlobInfo {
  sha256: string;
  size: number;
  /** The last time these bytes were stored (a put of bytes already there renews it). */
  storedAt: Date;
}

/** Bytes written by `stage`, not yet stored under their address. */
export interface StagedBlob {
  readonly sha256: string;
  readonly size: number;
  /** The bytes, for checks that need them in memory (at most the staging limit). */
  read(): Promise<Buffer>;
  /** Stores the bytes under their address (renewing the blob when it is already there). */
  commit(): Promise<void>;
  /** Drops the staged bytes; harmless after commit. */
  discard(): Promise<void>;
}

/** What `stage` fails with once more than its limit has arrived (the partial write is removed). */
export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
    this.name = "BlobTooLargeError";
  }
}

/** Where uploaded files live, addressed by the SHA-256 of their bytes. */
export interface BlobStore {
  /**
   * Stores the bytes (once: equal bytes share one blob) and returns their address. Storing bytes
   * that are already there renews their storedAt, which keeps them from garbage collection for its
   * grace period while the caller records a reference to them.
   */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /**
   * Writes a stream to a temporary place as it arrives, hashing and counting it, so large uploads never sit
   * in memory; nothing is addressable until the staged blob is committed. Fails with
   * BlobTooLargeError as soon as more than `maxBytes` arrive, and with the source's error if it
   * fails; either way the partial write is removed.
   */
  stage(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StagedBlob>;
  /**
   * The whole blob in memory, or null when no blob has this address: for readers that parse it
   * anyway (a model being loaded). Anything sent to a client goes through `open` instead.
   */
  get(sha256: string): Promise<Buffer | null>;
  /** The blob's size and a way to stream its bytes (all or a range), or null when there is none. */
  open(sha256: string): Promise<OpenedBlob | null>;
  has(sha256: string): Promise<boolean>;
  /** Every stored blob, in no particular order (temporary files are not blobs). */
  list(): AsyncIterable<BlobInfo>;
  /**
   * Removes a blob. With `storedBefore`, only when it was last stored before then: a put that
   * renews it while the delete runs wins, so a blob being stored again is never lost. True when it
   * was removed.
   */
  delete(sha256: string, options?: { storedBefore?: Date }): Promise<boolean>;
  /**
   * Removes temporary writes (abandoned, e.g. by a crash or a client that went away) last written
   * before the date; returns how many.
   */
  removeStaleTemporaryFiles(writtenBefore: Date): Promise<number>;
}

export const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
