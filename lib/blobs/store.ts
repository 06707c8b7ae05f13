import path from "node:path";
import { getSql } from "@/db/client";
import { dataDirectory } from "@/db/data-directory";
import { processSingleton } from "@/lib/process-singleton";
import { LocalBlobStore } from "./disk-store";
import { PostgresBlobStore } from "./postgres-store";
import type { BlobStore } from "./types";

export { BlobTooLargeError, sha256Of, type BlobInfo, type BlobStore, type ByteRange, type OpenedBlob, type StagedBlob } from "./types";
export { LocalBlobStore } from "./disk-store";
export { PostgresBlobStore } from "./postgres-store";

export type BlobStoreKind = "postgres" | "disk";

/** CRUCIBLE_BLOB_STORE: `postgres` (the default; any number of servers) or `disk` (one server only). */
export function blobStoreKind(): BlobStoreKind {
  const value = (process.env.CRUCIBLE_BLOB_STORE ?? "").trim().toLowerCase();
  if (value === "" || value === "postgres") return "postgres";
  if (value === "disk") return "disk";
  throw new Error(`CRUCIBLE_BLOB_STORE must be "postgres" or "disk", not "${value}"`);
}

/** The blob folder of the disk store, and where blobs of versions before the Postgres store are: `<data dir>/blobs`. */
export function diskBlobRoot(): string {
  return path.resolve(dataDirectory(), "blobs");
}

/** The configured blob store (see blobStoreKind). */
export function getBlobStore(): BlobStore {
  return processSingleton<BlobStore>("blobs.store", () => (blobStoreKind() === "disk" ? new LocalBlobStore(diskBlobRoot()) : new PostgresBlobStore(getSql)));
}

/** Largest upload (MODEL_UPLOAD_LIMIT_BYTES, default 200 MiB); read per request so tests can lower it. */
export function modelUploadLimit(): number {
  const value = Number(process.env.MODEL_UPLOAD_LIMIT_BYTES);
  return Number.isFinite(value) && value > 0 ? value : 200 * 1024 * 1024;
}
