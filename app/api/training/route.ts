import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { retrainReply, sessionResponse, signInReply } from "@/lib/models/training/session";

export const dynamic = "force-dynamic";

/** "Retrain now": {deploymentId} or {modelId} → 201 with the queued training job. */
export async function POST(request: Request) {
  const account = await currentMember();
  if (!account) return signInReply();
  return sessionResponse(await retrainReply(getDb(), account.id, await request.text()));
}
