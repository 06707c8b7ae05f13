import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { predictForDeployment } from "@/lib/models/deployments/predict";
import { deploymentIdParam, sessionJson, signInFirst } from "@/lib/models/deployments/session";

export const dynamic = "force-dynamic";

/** The playground: the same parsing, prediction, explanation and operation record as POST /deployment/{id}/predict. */
export async function POST(request: Request, { params }: { params: Promise<{ deploymentId: string }> }) {
  const account = await currentMember();
  if (!account) return signInFirst();
  const deploymentId = deploymentIdParam((await params).deploymentId);
  const rawBody = await request.text();
  return sessionJson(async () => ({ body: await predictForDeployment(getDb(), { accountId: account.id, deploymentId, rawBody, signal: () => request.signal }) }));
}
