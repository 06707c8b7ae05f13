import { Readable } from "node:stream";
import { getDb, type Database } from "@/db/client";
import { ApiError, BodyTooLargeError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { tasksApi } from "@/lib/http/families";
import { header } from "@/lib/http/types";
import { BlobTooLargeError, getBlobStore, type BlobStore, type StagedBlob } from "@/lib/blobs/store";
import { getTaskFile, insertTaskFile, type TaskFileRecord } from "./files-store";
import { REQUEST_KINDS } from "./request-types";
import { leasedRequestOf } from "./store";

/**
 * Files crunchers upload as the answer to image, video and audio requests: the bytes go to the
 * content-addressed blob store, a task_files row records them under the requesting account, and
 * GET /v1/files/{file_id} serves them at a stable public URL, which is the answer's value.
 */

/** Largest cruncher upload (TASK_UPLOAD_LIMIT_BYTES, default 100 MiB); read per call so tests can lower it. */
export function taskUploadLimit(): number {
  const value = Number(process.env.TASK_UPLOAD_LIMIT_BYTES);
  return Number.isFinite(value) && value > 0 ? value : 100 * 1024 * 1024;
}

export const filePath = (id: string) => `/v1/files/${id}`;

/** Reads a request body, stopping (and answering "too-large") as soon as it passes the limit. */
export async function readLimitedBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer | "too-large"> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return "too-large";
    }
    chunks.push(value);
  }
}

export type UploadOutcome =
  | { ok: true; file: TaskFileRecord; url: string }
  | { ok: false; status: 400 | 404 | 409 | 413 | 415; message: string };

export interface TaskUpload {
  cruncherId: string;
  assignmentId: string;
  filename: string;
  contentType: string;
  /** The file as it arrives (streamed into the blob store, never whole in memory), or already in memory. */
  body: Readable | Buffer;
  /** The app's public base URL: answers carry absolute file URLs. */
  baseUrl: string;
}

/**
 * Stores a file for the media request behind a slot the cruncher holds. Only that cruncher, only
 * while the lease lasts, and only a file of the requested kind (an image for an image request…).
 */
export async function storeTaskUpload(db: Database, upload: TaskUpload, store: BlobStore = getBlobStore()): Promise<UploadOutcome> {
  const limit = taskUploadLimit();
  const tooLarge = { ok: false, status: 413, message: `The file is larger than the upload limit of ${limit} bytes (TASK_UPLOAD_LIMIT_BYTES).` } as const;
  if (Buffer.isBuffer(upload.body) && upload.body.length > limit) return tooLarge;
  const request = await leasedRequestOf(db, upload.cruncherId, upload.assignmentId);
  if (!request) return { ok: false, status: 404, message: "This task is not reserved for you any more (answered, skipped or expired)." };
  if (request.status !== "pending") return { ok: false, status: 409, message: `The request is ${request.status}; no more answers are taken.` };
  const wanted = REQUEST_KINDS[request.type].answerFile;
  if (!wanted) return { ok: false, status: 409, message: `A ${request.type} request is not answered with a file.` };
  const contentType = upload.contentType.split(";")[0]!.trim().toLowerCase();
  if (!contentType.startsWith(wanted.contentTypePrefix)) {
    return { ok: false, status: 415, message: `This request asks for ${wanted.noun} (${wanted.examples}); the file is ${contentType || "of unknown type"}.` };
  }
  let staged: StagedBlob;
  try {
    staged = await store.stage(Buffer.isBuffer(upload.body) ? Readable.from([upload.body]) : upload.body, limit);
  } catch (error) {
    if (error instanceof BlobTooLargeError || error instanceof BodyTooLargeError) return tooLarge;
    throw error;
  }
  try {
    if (staged.size === 0) return { ok: false, status: 400, message: "The file is empty." };
    await staged.commit();
    const file = await insertTaskFile(db, {
      workspaceId: request.workspaceId,
      requestId: request.id,
      cruncherId: upload.cruncherId,
      filename: cleanFilename(upload.filename, request.type),
      contenttype: contentType,
      size: staged.size,
      sha256: staged.sha256,
    });
    return { ok: true, file, url: `${upload.baseUrl}${filePath(file.id)}` };
  } finally {
    await staged.discard(); // nothing after a commit
  }
}

function cleanFilename(name: string, fallback: string): string {
  // Path parts and control characters never reach a Content-Disposition header.
  const base = name.split(/[\\/]/).pop()!.replace(/[\x00-\x1f\x7f"]/g, "").trim().slice(0, 200);
  return base || fallback;
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` within a file of `size` bytes; null when absent or unsatisfiable. */
export function parseByteRange(value: string | undefined, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const match = value ? /^bytes=(\d*)-(\d*)$/.exec(value.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return null;
  let start: number;
  let end: number;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? "unsatisfiable" : { start, end };
}

// Uploaded bytes are served from the app's own origin, so they are sandboxed (no script can run if
// someone uploads an SVG or HTML disguised as an image) and never sniffed into another type.
const SAFE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  "cache-control": "public, max-age=31536000, immutable",
  "accept-ranges": "bytes",
};

const getFile = defineRoute(tasksApi, { method: "GET", path: "/v1/files/:file_id", summary: "A file a cruncher uploaded as an answer (HTTP Range supported)", public: true }, async ({ request }) => {
  const file = await getTaskFile(getDb(), request.params.file_id!);
  const blob = file ? await getBlobStore().open(file.sha256) : null;
  if (!file || !blob) throw new ApiError(404, "No file with this id exists.");
  const headers: Record<string, string> = {
    ...SAFE_HEADERS,
    "content-type": file.contenttype,
    "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  };
  // Ranges let a <video> or <audio> element seek without downloading the whole file first; only
  // the stored chunks that cover the range are read.
  const range = parseByteRange(header(request.headers, "range"), blob.size);
  if (range === "unsatisfiable") throw new ApiError(416, `The range is outside the file (${blob.size} bytes).`, [], { "content-range": `bytes */${blob.size}` });
  if (range) {
    return {
      status: 206,
      headers: { ...headers, "content-range": `bytes ${range.start}-${range.end}/${blob.size}`, "content-length": String(range.end - range.start + 1) },
      body: blob.stream(range),
    };
  }
  return { status: 200, headers: { ...headers, "content-length": String(blob.size) }, body: blob.stream() };
});

export const taskFileRoutes: RouteDefinition[] = [getFile];
