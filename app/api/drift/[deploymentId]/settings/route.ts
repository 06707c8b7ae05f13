import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { driftSettingsReply } from "@/lib/models/drift/session";
import { segmentValue, sessionResponse, signInReply } from "@/lib/models/training/session";

export const dynamic = "force-dynamic";

/** The drift panel's "retrain automatically on drift" toggle: {autoRetrainOnDrift: boolean}. */
export async function PATCH(request: Request, { params }: { params: Promise<{ deploymentId: string }> }) {
  const account = await currentMember();
  if (!account) return signInReply();
  return sessionResponse(await driftSettingsReply(getDb(), account.id, segmentValue((await params).deploymentId), await request.text()));
}
