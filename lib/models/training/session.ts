import { z } from "zod";
import type { Database } from "@/db/client";
import { findDeployment } from "../drift/store";
import { ANYWHERE } from "./schemas";
import { startTrainingJob } from "./start-job";
import { getTrainingJob } from "./store";
import { trainingJobResponse } from "./view";

// The dashboard's session routes (app/api/training/**, app/api/drift/**) as framework-free
// functions: the route files check the session and turn the reply into a Response. Errors are
// {detail} like the models API.

export interface SessionReply {
  status: number;
  body: unknown;
}

export const detailReply = (status: number, message: string): SessionReply => ({ status, body: { detail: message } });

export function sessionResponse(reply: SessionReply): Response {
  return Response.json(reply.body, { status: reply.status, headers: { "cache-control": "no-store" } });
}

export const signInReply = (): Response => sessionResponse(detailReply(401, "Sign in first."));

/** A dynamic segment as the id it names (ids never contain "%", so decoding once is safe). */
export function segmentValue(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** JSON text against a schema: null with the reply to send when it does not fit. */
export function parseSessionBody<T>(schema: z.ZodType<T>, text: string): { ok: true; value: T } | { ok: false; reply: SessionReply } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reply: detailReply(400, "The request body is not valid JSON.") };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, reply: detailReply(422, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")) };
  return { ok: true, value: parsed.data };
}

const retrainSchema = z.union([z.strictObject({ deploymentId: z.string().min(1).max(200) }), z.strictObject({ modelId: z.string().min(1).max(100) })]);

/** "Retrain now": a training job for a deployment's model (placement: the deployment's) or a model. */
export async function retrainReply(db: Database, accountId: string, bodyText: string): Promise<SessionReply> {
  const body = parseSessionBody(retrainSchema, bodyText);
  if (!body.ok) return body.reply;
  let modelId: string;
  let placement: unknown = ANYWHERE;
  if ("deploymentId" in body.value) {
    const deployment = await findDeployment(db, accountId, body.value.deploymentId);
    if (!deployment) return detailReply(404, "Deployment not found");
    modelId = deployment.modelId;
    placement = deployment.placement;
  } else modelId = body.value.modelId;
  const started = await startTrainingJob(db, accountId, { modelId, placement, trigger: "dashboard" });
  return started.ok ? { status: 201, body: trainingJobResponse(started.job) } : detailReply(started.status, started.message);
}

export async function trainingJobReply(db: Database, accountId: string, jobId: string): Promise<SessionReply> {
  const job = await getTrainingJob(db, accountId, jobId);
  return job ? { status: 200, body: trainingJobResponse(job) } : detailReply(404, "Training job not found");
}
