import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { segmentValue, sessionResponse, signInReply, trainingJobReply } from "@/lib/models/training/session";

export const dynamic = "force-dynamic";

/** One training job (status, log, outcome), for the signed-in owner. */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const account = await currentMember();
  if (!account) return signInReply();
  return sessionResponse(await trainingJobReply(getDb(), account.id, segmentValue((await params).jobId)));
}
