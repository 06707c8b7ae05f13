import { currentAccount } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { modelFileReply } from "@/lib/models/session";

export const dynamic = "force-dynamic";

/** The model page's download links: one of the signed-in member's model files, as an attachment. */
export async function GET(_request: Request, { params }: { params: Promise<{ modelId: string; sha256: string }> }) {
  const { modelId, sha256 } = await params;
  return modelFileReply(getDb(), await currentAccount(), modelId, sha256);
}
