import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { deploymentLive } from "@/lib/models/deployments/dashboard";
import { startLoading } from "@/lib/models/deployments/serving";
import { deploymentIdParam, sessionJson, signInFirst } from "@/lib/models/deployments/session";
import { deleteDeployment } from "@/lib/models/deployments/store";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ deploymentId: string }> };

/** The deployment page's live part: status, predictions per minute, the last explained prediction. */
export async function GET(_request: Request, { params }: Params) {
  const account = await currentMember();
  if (!account) return signInFirst();
  const deploymentId = deploymentIdParam((await params).deploymentId);
  return sessionJson(async () => {
    const live = await deploymentLive(getDb(), account.id, deploymentId);
    if (!live) throw new ApiError(404, "Deployment not found");
    const { status } = live.deployment;
    if (status === "waiting" || status === "loading") void startLoading(getDb(), account.id, deploymentId);
    return { body: live };
  });
}

export async function DELETE(_request: Request, { params }: Params) {
  const account = await currentMember();
  if (!account) return signInFirst();
  const deploymentId = deploymentIdParam((await params).deploymentId);
  return sessionJson(async () => {
    if (!(await deleteDeployment(getDb(), account.id, deploymentId))) throw new ApiError(404, "Deployment not found");
    return { body: { deployment_id: deploymentId, deleted: true } };
  });
}
