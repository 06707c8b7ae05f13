import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { downloadHeaders, loadModelFile } from "@/lib/models/downloads";

export const dynamic = "force-dynamic";

/** The model page's download links: one of the signed-in member's model files, as an attachment. */
export async function GET(_request: Request, { params }: { params: Promise<{ modelId: string; sha256: string }> }) {
  const account = await currentMember();
  if (!account) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  const { modelId, sha256 } = await params;
  const found = await loadModelFile(getDb(), account.id, modelId, { sha256 });
  if (!found.ok) {
    const message = found.reason === "blob_missing" ? "The file's bytes are missing from the blob store." : "No such file.";
    return Response.json({ error: "not_found", message }, { status: 404 });
  }
  return new Response(new Uint8Array(found.bytes), { headers: { ...downloadHeaders(found.file), "content-length": String(found.bytes.length), "cache-control": "private, no-store" } });
}
