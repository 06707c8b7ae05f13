import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { deploymentOperations } from "@/lib/models/deployments/dashboard";
import { deploymentIdParam, sessionJson, signInFirst } from "@/lib/models/deployments/session";
import { getDeployment } from "@/lib/models/deployments/store";

export const dynamic = "force-dynamic";

/** The deployment page's operations log: ?cursor=<nextCursor of the previous page>&limit=. */
export async function GET(request: Request, { params }: { params: Promise<{ deploymentId: string }> }) {
  const account = await currentMember();
  if (!account) return signInFirst();
  const deploymentId = deploymentIdParam((await params).deploymentId);
  const query = new URL(request.url).searchParams;
  const cursor = Number(query.get("cursor"));
  const limit = Math.min(100, Math.max(1, Number(query.get("limit")) || 20));
  return sessionJson(async () => {
    const deployment = await getDeployment(getDb(), account.id, deploymentId);
    if (!deployment) throw new ApiError(404, "Deployment not found");
    return { body: await deploymentOperations(getDb(), account.id, deployment.id, Number.isInteger(cursor) && cursor > 0 ? cursor : undefined, limit) };
  });
}
