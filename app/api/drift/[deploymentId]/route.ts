import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { driftPanelReply } from "@/lib/models/drift/session";
import { segmentValue, sessionResponse, signInReply } from "@/lib/models/training/session";

export const dynamic = "force-dynamic";

/** The drift panel's data: detection settings, the checks over time, the model's latest training job. */
export async function GET(_request: Request, { params }: { params: Promise<{ deploymentId: string }> }) {
  const account = await currentMember();
  if (!account) return signInReply();
  return sessionResponse(await driftPanelReply(getDb(), account.id, segmentValue((await params).deploymentId)));
}
