import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { checkNowReply } from "@/lib/models/drift/session";
import { segmentValue, sessionResponse, signInReply } from "@/lib/models/training/session";

export const dynamic = "force-dynamic";

/** "Check now" on the drift panel. */
export async function POST(_request: Request, { params }: { params: Promise<{ deploymentId: string }> }) {
  const account = await currentMember();
  if (!account) return signInReply();
  return sessionResponse(await checkNowReply(getDb(), account.id, segmentValue((await params).deploymentId)));
}
