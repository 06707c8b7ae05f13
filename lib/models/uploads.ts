import { Readable } from "node:stream";
import type { Database } from "@/db/client";
import type { EstimatorInfo, ModelFileKind, ModelFileRow } from "@/db/schema";
import { BodyTooLargeError } from "@/lib/http/errors";
import type { ApiErrorDetail } from "@/lib/http/errors";
import type { HeaderBag } from "@/lib/http/types";
import { BlobTooLargeError, getBlobStore, modelUploadLimit, type BlobStore, type StagedBlob } from "@/lib/blobs/store";
import { recogniseModelFile } from "./estimator";
import { parseMultipart } from "./multipart";
import { fileKindSchema } from "./schemas";
import { addModelFile, getModel } from "./store";

// The upload of POST /model/{id}/upload and of the dashboard's upload form: framework-free, so both
// the API adapter and the Next route handler call the same code.

/** Multipart overhead allowed on top of the file size limit (boundaries, part headers, file_kind). */
export const MULTIPART_SLACK = 64 * 1024;

export interface Upload {
  filename: string;
  contentType: string;
  bytes: Buffer;
  fileKind: ModelFileKind;
}

export type UploadFailure = { ok: false; status: 404 | 413 | 422; message: string; details: ApiErrorDetail[] };
export type UploadResult = { ok: true; file: ModelFileRow } | UploadFailure;

const invalid = (details: ApiErrorDetail[]): UploadFailure => ({ ok: false, status: 422, message: "The request is invalid.", details });
const notFound: UploadFailure = { ok: false, status: 404, message: "Model not found", details: [] };
const tooLarge = (message: string): UploadFailure => ({ ok: false, status: 413, message, details: [] });
const fileTooLarge = (limit: number) => tooLarge(`The file is larger than the upload limit of ${limit} bytes (MODEL_UPLOAD_LIMIT_BYTES).`);

type Checked = { ok: true; estimator: EstimatorInfo | null } | UploadFailure;

/**
 * Model files are parsed as data by the safe reader (never handed to Python's pickle): a refused or
 * malformed file is a 422 naming the reason. Other kinds are stored as they are.
 */
function checkFile(kind: ModelFileKind, bytes: Buffer | null): Checked {
  if (kind !== "model" || !bytes) return { ok: true, estimator: null };
  const recognised = recogniseModelFile(bytes);
  return recognised.ok ? { ok: true, estimator: recognised.estimator } : invalid([{ path: ["file"], message: recognised.message, type: recognised.code }]);
}

async function record(db: Database, workspaceId: string, modelId: string, upload: Omit<Upload, "bytes">, stored: { sha256: string; size: number }, estimator: EstimatorInfo | null, uploadedBy: string | null): Promise<UploadResult> {
  const row = await addModelFile(db, workspaceId, modelId, {
    filekind: upload.fileKind,
    filename: upload.filename || `${upload.fileKind}.bin`,
    contenttype: upload.contentType,
    size: stored.size,
    sha256: stored.sha256,
    estimator,
    uploadedBy,
  });
  return row ? { ok: true, file: row } : notFound; // deleted meanwhile (its blob is left to the sweep)
}

/**
 * Stores a file already in memory for the account's model (retraining's new versions, tests).
 * Refused or malformed model files are not stored.
 */
export async function storeUpload(db: Database, workspaceId: string, modelId: string, upload: Upload, uploadedBy: string | null = workspaceId): Promise<UploadResult> {
  if (!(await getModel(db, workspaceId, modelId))) return notFound;
  const checked = checkFile(upload.fileKind, upload.bytes);
  if (!checked.ok) return checked;
  const stored = await getBlobStore().put(upload.bytes);
  return record(db, workspaceId, modelId, upload, stored, checked.estimator, uploadedBy);
}

interface StagedFile {
  filename: string;
  contentType: string;
  blob: StagedBlob;
}

/**
 * The whole upload of both routes: a multipart body (fields `file` and `file_kind`) as it arrives.
 * The file goes straight to a temporary file in the blob store while it is hashed and counted (413 as
 * soon as it passes MODEL_UPLOAD_LIMIT_BYTES); a model file is then read back to be checked; only a
 * file that passes is stored under its address and recorded. Every problem of the form is listed.
 */
export async function uploadFromMultipart(
  db: Database,
  workspaceId: string,
  modelId: string,
  headers: HeaderBag,
  body: Readable | Buffer,
  store: BlobStore = getBlobStore(),
): Promise<UploadResult> {
  if (!(await getModel(db, workspaceId, modelId))) return notFound;
  const limit = modelUploadLimit();
  const staged: StagedBlob[] = [];
  try {
    const parsed = await parseMultipart<StagedFile | null>(headers, Buffer.isBuffer(body) ? Readable.from([body]) : body, {
      maxFileSize: limit,
      onFile: async ({ field, filename, contentType, stream }) => {
        if (field !== "file") {
          stream.resume();
          return null;
        }
        const blob = await store.stage(stream, limit);
        staged.push(blob);
        return { filename, contentType, blob };
      },
    });
    if (!parsed.ok) {
      if (parsed.kind === "malformed") return invalid([{ path: [], message: parsed.message, type: "multipart" }]);
      if (parsed.kind === "too-large" || parsed.error instanceof BlobTooLargeError) return fileTooLarge(limit);
      if (parsed.error instanceof BodyTooLargeError) return tooLarge(parsed.error.message);
      if (parsed.kind === "body") return invalid([{ path: [], message: `The request body could not be read: ${(parsed.error as Error).message}`, type: "multipart" }]);
      throw parsed.error;
    }
    const { fields, files } = parsed.form;

    const problems: ApiErrorDetail[] = [];
    const file = files.find((f) => f !== null);
    if (!file) problems.push({ path: ["file"], message: "Field required: the file to upload", type: "missing" });
    const kindValue = fields.get("file_kind");
    const kind = fileKindSchema.safeParse(kindValue);
    if (kindValue === undefined) problems.push({ path: ["file_kind"], message: "Field required: model, data, code or env", type: "missing" });
    else if (!kind.success) problems.push({ path: ["file_kind"], message: `Input should be 'model', 'data', 'code' or 'env', not '${kindValue.slice(0, 40)}'`, type: "enum" });
    if (problems.length || !file || !kind.success) return invalid(problems);
    if (!file.blob.size) return invalid([{ path: ["file"], message: "The file is empty", type: "value_error" }]);

    // Only model files come back into memory (at most the upload limit): the safe reader parses them.
    const checked = checkFile(kind.data, kind.data === "model" ? await file.blob.read() : null);
    if (!checked.ok) return checked;
    await file.blob.commit();
    return await record(db, workspaceId, modelId, { filename: file.filename, contentType: file.contentType, fileKind: kind.data }, file.blob, checked.estimator, workspaceId);
  } finally {
    await Promise.all(staged.map((blob) => blob.discard()));
  }
}
