import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { deploymentList } from "@/lib/models/deployments/dashboard";
import { deploymentResponse } from "@/lib/models/deployments/responses";
import { deploymentCreateSchema } from "@/lib/models/deployments/schemas";
import { createDeployment } from "@/lib/models/deployments/service";
import { parseJsonBody, sessionJson, signInFirst } from "@/lib/models/deployments/session";

export const dynamic = "force-dynamic";

/** The Deployments page's list (polled while a deployment is waiting or loading). */
export async function GET() {
  const account = await currentMember();
  if (!account) return signInFirst();
  return sessionJson(async () => ({ body: await deploymentList(getDb(), account.id) }));
}

/** The deploy form: the body and checks of POST /deployment/add, for the signed-in member. */
export async function POST(request: Request) {
  const account = await currentMember();
  if (!account) return signInFirst();
  const text = await request.text();
  return sessionJson(async () => ({ status: 201, body: deploymentResponse(await createDeployment(getDb(), account.id, parseJsonBody(deploymentCreateSchema, text))) }));
}
