import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { fileResponse } from "@/lib/models/api";
import { modelUploadLimit } from "@/lib/models/blob-store";
import { MULTIPART_SLACK, uploadFromMultipart } from "@/lib/models/uploads";

export const dynamic = "force-dynamic";

/**
 * The model page's upload form: the same multipart body (file, file_kind) and the same checks as
 * POST /model/{id}/upload, for the signed-in member. Errors are `{ detail }` like the API's.
 */
export async function POST(request: Request, { params }: { params: Promise<{ modelId: string }> }) {
  const account = await currentMember();
  if (!account) return Response.json({ detail: "Sign in first." }, { status: 401 });
  const limit = modelUploadLimit();
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit + MULTIPART_SLACK) {
    return Response.json({ detail: `The file is larger than the upload limit of ${limit} bytes (MODEL_UPLOAD_LIMIT_BYTES).` }, { status: 413 });
  }
  const body = Buffer.from(await request.arrayBuffer());
  const headers = Object.fromEntries(request.headers.entries());
  const result = await uploadFromMultipart(getDb(), account.id, (await params).modelId, headers, body);
  if (!result.ok) return Response.json({ detail: result.details.length ? result.details.map((d) => d.message) : result.message }, { status: result.status });
  return Response.json(fileResponse(result.file), { status: 201 });
}
