import type { Database } from "@/db/client";
import type { ModelFileKind, ModelFileRow } from "@/db/schema";
import type { ApiErrorDetail } from "@/lib/http/errors";
import type { HeaderBag } from "@/lib/http/types";
import { getBlobStore, modelUploadLimit } from "./blob-store";
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

/** Reads the multipart body (fields `file` and `file_kind`), listing every problem. */
export async function parseUploadForm(headers: HeaderBag, body: Buffer): Promise<{ ok: true; upload: Upload } | UploadFailure> {
  const limit = modelUploadLimit();
  const parsed = await parseMultipart(headers, body, { maxFileSize: limit });
  if (!parsed.ok) return invalid([{ path: [], message: parsed.message, type: "multipart" }]);
  const { fields, files } = parsed.form;

  const problems: ApiErrorDetail[] = [];
  const file = files.find((f) => f.field === "file");
  if (!file) problems.push({ path: ["file"], message: "Field required: the file to upload", type: "missing" });
  const kindValue = fields.get("file_kind");
  const kind = fileKindSchema.safeParse(kindValue);
  if (kindValue === undefined) problems.push({ path: ["file_kind"], message: "Field required: model, data, code or env", type: "missing" });
  else if (!kind.success) problems.push({ path: ["file_kind"], message: `Input should be 'model', 'data', 'code' or 'env', not '${kindValue.slice(0, 40)}'`, type: "enum" });
  if (problems.length || !file || !kind.success) return invalid(problems);
  if (file.truncated) return { ok: false, status: 413, message: `The file is larger than the upload limit of ${limit} bytes (MODEL_UPLOAD_LIMIT_BYTES).`, details: [] };
  if (!file.bytes.length) return invalid([{ path: ["file"], message: "The file is empty", type: "value_error" }]);
  return { ok: true, upload: { filename: file.filename, contentType: file.contentType, bytes: file.bytes, fileKind: kind.data } };
}

/**
 * Stores an uploaded file for the account's model. Model files are parsed as data by the safe reader
 * (never handed to Python's pickle); refused or malformed files are not stored.
 */
export async function storeUpload(db: Database, accountId: string, modelId: string, upload: Upload, uploadedBy: string | null = accountId): Promise<UploadResult> {
  if (!(await getModel(db, accountId, modelId))) return notFound;
  let estimator = null;
  if (upload.fileKind === "model") {
    const recognised = recogniseModelFile(upload.bytes);
    if (!recognised.ok) return invalid([{ path: ["file"], message: recognised.message, type: recognised.code }]);
    estimator = recognised.estimator;
  }
  const { sha256, size } = await getBlobStore().put(upload.bytes);
  const row = await addModelFile(db, accountId, modelId, {
    filekind: upload.fileKind,
    filename: upload.filename || `${upload.fileKind}.bin`,
    contenttype: upload.contentType,
    size,
    sha256,
    estimator,
    uploadedBy,
  });
  return row ? { ok: true, file: row } : notFound; // deleted meanwhile
}

/** Parses the multipart body and stores the file: the whole upload of both routes. */
export async function uploadFromMultipart(db: Database, accountId: string, modelId: string, headers: HeaderBag, body: Buffer): Promise<UploadResult> {
  if (!(await getModel(db, accountId, modelId))) return notFound;
  const parsed = await parseUploadForm(headers, body);
  if (!parsed.ok) return parsed;
  return storeUpload(db, accountId, modelId, parsed.upload);
}
