import type { Database } from "@/db/client";
import type { ModelFileRow } from "@/db/schema";
import { getBlobStore, type OpenedBlob } from "@/lib/blobs/store";
import { findModelFile } from "./store";

/** The headers a file is sent with: its content type, length, a safe attachment name, its sha256 and version. */
export function downloadHeaders(file: ModelFileRow, blob: OpenedBlob): Record<string, string> {
  const safeName = file.filename.replace(/[^\w.-]+/g, "_").slice(0, 200) || "file";
  return {
    "content-type": file.contenttype || "application/octet-stream",
    "content-length": String(blob.size),
    "content-disposition": `attachment; filename="${safeName}"`,
    "x-content-sha256": file.sha256,
    ...(file.version !== null ? { "x-model-version": String(file.version) } : {}),
  };
}

export type FileDownload = { ok: true; file: ModelFileRow; blob: OpenedBlob } | { ok: false; reason: "file_not_found" | "blob_missing" };

/** One of the account's model's files with its blob opened for streaming, by sha256 or model version. */
export async function loadModelFile(db: Database, workspaceId: string, modelId: string, by: { sha256: string } | { version: number }): Promise<FileDownload> {
  let key = by;
  if ("sha256" in by) {
    const sha256 = by.sha256.toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256)) return { ok: false, reason: "file_not_found" };
    key = { sha256 };
  }
  const file = await findModelFile(db, workspaceId, modelId, key);
  if (!file) return { ok: false, reason: "file_not_found" };
  const blob = await getBlobStore().open(file.sha256);
  return blob ? { ok: true, file, blob } : { ok: false, reason: "blob_missing" };
}
