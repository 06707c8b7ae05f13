import { currentAccount } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { modelUploadReply } from "@/lib/models/session";

export const dynamic = "force-dynamic";

/**
 * The model page's upload form: the same multipart body (file, file_kind) and the same checks as
 * POST /model/{id}/upload, for the signed-in member. Errors are `{ detail }` like the API's.
 */
export async function POST(request: Request, { params }: { params: Promise<{ modelId: string }> }) {
  return modelUploadReply(getDb(), await currentAccount(), (await params).modelId, request);
}
