import { getDb, type Database } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { tasksApi } from "@/lib/http/families";
import { header } from "@/lib/http/types";
import { getBlobStore } from "@/lib/blobs/store";
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
  bytes: Buffer;
  /** The app's public base URL: answers carry absolute file URLs. */
  baseUrl: string;
}

/**
 * Stores a file for the media request behind a slot the cruncher holds. Only that cruncher, only
 * while the lease lasts, and only a file of the requested kind (an image for an image request…).
 */
export async function storeTaskUpload(db: Database, upload: TaskUpload): Promise<UploadOutcome> {
  const limit = taskUploadLimit();
  if (upload.bytes.length > limit) {
    return { ok: false, status: 413, message: `The file is larger than the upload limit of ${limit} bytes (TASK_UPLOAD_LIMIT_BYTES).` };
  }
  if (upload.bytes.length === 0) return { ok: false, status: 400, message: "The file is empty." };
  const request = await leasedRequestOf(db, upload.cruncherId, upload.assignmentId);
  if (!request) return { ok: false, status: 404, message: "This task is not reserved for you any more (answered, skipped or expired)." };
  if (request.status !== "pending") return { ok: false, status: 409, message: `The request is ${request.status}; no more answers are taken.` };
  const wanted = REQUEST_KINDS[request.type].answerFile;
  if (!wanted) return { ok: false, status: 409, message: `A ${request.type} request is not answered with a file.` };
  const contentType = upload.contentType.split(";")[0]!.trim().toLowerCase();
  if (!contentType.startsWith(wanted.contentTypePrefix)) {
    return { ok: false, status: 415, message: `This request asks for ${wanted.noun} (${wanted.examples}); the file is ${contentType || "of unknown type"}.` };
  }
  const { sha256, size } = await getBlobStore().put(upload.bytes);
  const file = await insertTaskFile(db, {
    accountId: request.accountId,
    requestId: request.id,
    cruncherId: upload.cruncherId,
    filename: cleanFilename(upload.filename, request.type),
    contenttype: contentType,
    size,
    sha256,
  });
  return { ok: true, file, url: `${upload.baseUrl}${filePath(file.id)}` };
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

const getFile = defineRoute(tasksApi, { method: "GET", path: "/v1/files/:file_id", public: true }, async ({ request }) => {
  const file = await getTaskFile(getDb(), request.params.file_id!);
  const bytes = file ? await getBlobStore().get(file.sha256) : null;
  if (!file || !bytes) throw new ApiError(404, "No file with this id exists.");
  const headers: Record<string, string> = {
    ...SAFE_HEADERS,
    "content-type": file.contenttype,
    "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  };
  // Ranges let a <video> or <audio> element seek without downloading the whole file first.
  const range = parseByteRange(header(request.headers, "range"), bytes.length);
  if (range === "unsatisfiable") throw new ApiError(416, `The range is outside the file (${bytes.length} bytes).`, [], { "content-range": `bytes */${bytes.length}` });
  if (range) {
    return { status: 206, headers: { ...headers, "content-range": `bytes ${range.start}-${range.end}/${bytes.length}` }, body: bytes.subarray(range.start, range.end + 1) };
  }
  return { status: 200, headers, body: bytes };
});

export const taskFileRoutes: RouteDefinition[] = [getFile];
