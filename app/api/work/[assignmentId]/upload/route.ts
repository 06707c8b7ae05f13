import { publicBaseUrl } from "@/lib/http/public-url";
import { readLimitedBody, storeTaskUpload, taskUploadLimit } from "@/lib/tasks/files-api";
import { NO_STORE, signedInCruncher } from "../../session";

export const dynamic = "force-dynamic";

const tooLarge = (limit: number) =>
  Response.json({ error: "payload_too_large", message: `The file is larger than the upload limit of ${limit} bytes (TASK_UPLOAD_LIMIT_BYTES).` }, { status: 413, headers: { connection: "close" } });

/**
 * The answer file of an image, video or audio task: the raw bytes as the body, the file's type as
 * Content-Type and its name in X-Filename (URI-encoded). Answers 201 with the file's public URL.
 */
export async function POST(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const session = await signedInCruncher();
  if (session instanceof Response) return session;
  const limit = taskUploadLimit();
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  const bytes = await readLimitedBody(request.body, limit);
  if (bytes === "too-large") return tooLarge(limit);
  let filename = "upload";
  try {
    filename = decodeURIComponent(request.headers.get("x-filename") ?? "upload");
  } catch {
    // keep the fallback name
  }
  const outcome = await storeTaskUpload({
    cruncherId: session.cruncherId,
    assignmentId: (await params).assignmentId,
    filename,
    contentType: request.headers.get("content-type") ?? "",
    bytes,
    baseUrl: publicBaseUrl(Object.fromEntries(request.headers.entries())),
  });
  if (!outcome.ok) return Response.json({ error: "upload_refused", message: outcome.message }, { status: outcome.status });
  const { file } = outcome;
  return Response.json({ url: outcome.url, filename: file.filename, size: file.size, contenttype: file.contenttype }, { status: 201, headers: NO_STORE });
}
