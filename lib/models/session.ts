import type { Database } from "@/db/client";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { memberAccess } from "@/lib/auth/member-access";
import { limitBody } from "@/lib/http/dispatch";
import { nodeStreamOf } from "@/lib/http/next-adapter";
import { fileResponse } from "./api";
import { modelUploadLimit } from "./blob-store";
import { downloadHeaders, loadModelFile } from "./downloads";
import { MULTIPART_SLACK, uploadFromMultipart } from "./uploads";

// The model page's session routes (app/api/models/[modelId]/…), framework-free: the route files only
// read the signed-in account. Errors are `{detail}` like the models API's; the upload form shows
// every message of a `detail` list.

const NO_STORE = { "cache-control": "private, no-store" };

function detail(status: number, message: string | string[], headers: Record<string, string> = {}): Response {
  return Response.json({ detail: message }, { status, headers: { ...NO_STORE, ...headers } });
}

/** The signed-in member's id, or the refusal to send: 401 signed out, 403 for a cruncher. */
function memberIdOr(account: PublicAccount | null): string | Response {
  const access = memberAccess(account);
  if (access.ok) return access.account.id;
  return access.reason === "signed-out" ? detail(401, "Sign in first.") : detail(403, "The model registry is for members.");
}

/**
 * The upload form: the multipart body (file, file_kind) and the checks of POST /model/{id}/upload,
 * for the signed-in member's model. 201 with the stored file (a model file with its version).
 */
export async function modelUploadReply(db: Database, account: PublicAccount | null, modelId: string, request: Request): Promise<Response> {
  const accountId = memberIdOr(account);
  if (accountId instanceof Response) return accountId;
  const limit = modelUploadLimit();
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit + MULTIPART_SLACK) {
    return detail(413, `The file is larger than the upload limit of ${limit} bytes (MODEL_UPLOAD_LIMIT_BYTES).`, { connection: "close" });
  }
  // Streamed as for the API: the file goes to disk as it arrives.
  const source = nodeStreamOf(request.body);
  const body = limitBody(source, limit + MULTIPART_SLACK);
  let result;
  try {
    result = await uploadFromMultipart(db, accountId, modelId, Object.fromEntries(request.headers.entries()), body);
  } finally {
    body.destroy();
    source.destroy();
  }
  if (!result.ok) {
    return detail(result.status, result.details.length ? result.details.map((d) => d.message) : result.message, result.status === 413 ? { connection: "close" } : {});
  }
  return Response.json(fileResponse(result.file), { status: 201, headers: NO_STORE });
}

/** The model page's download links: one of the signed-in member's model files, as an attachment. */
export async function modelFileReply(db: Database, account: PublicAccount | null, modelId: string, sha256: string): Promise<Response> {
  const accountId = memberIdOr(account);
  if (accountId instanceof Response) return accountId;
  const found = await loadModelFile(db, accountId, modelId, { sha256 });
  if (!found.ok) return detail(404, found.reason === "blob_missing" ? "The file's bytes are missing from the blob store." : "No such file.");
  return new Response(new Uint8Array(found.bytes), { headers: { ...downloadHeaders(found.file), "content-length": String(found.bytes.length), ...NO_STORE } });
}
