import { z } from "zod";
import type { Database } from "@/db/client";
import { detailReply, parseSessionBody, type SessionReply } from "../training/session";
import { trainingJobResponse } from "../training/view";
import { runDriftCheck } from "./check";
import { driftCheckView, driftPanelData } from "./dashboard";
import { findDeployment, setAutoRetrainOnDrift } from "./store";

// The drift panel's session routes (app/api/drift/[deploymentId]/…), framework-free.

export async function driftPanelReply(db: Database, accountId: string, deploymentRef: string): Promise<SessionReply> {
  const data = await driftPanelData(db, accountId, deploymentRef);
  return data ? { status: 200, body: data } : detailReply(404, "Deployment not found");
}

/** "Check now": runs the check in the request (a few hundred milliseconds) and answers with it. */
export async function checkNowReply(db: Database, accountId: string, deploymentRef: string): Promise<SessionReply> {
  const outcome = await runDriftCheck(db, accountId, deploymentRef);
  if (!outcome.ok) return detailReply(outcome.status, outcome.message);
  return {
    status: 200,
    body: { check: driftCheckView(outcome.check), retrainJob: outcome.retrainJob ? trainingJobResponse(outcome.retrainJob) : null, retrainNote: outcome.retrainNote },
  };
}

const settingsSchema = z.strictObject({ autoRetrainOnDrift: z.boolean() });

export async function driftSettingsReply(db: Database, accountId: string, deploymentRef: string, bodyText: string): Promise<SessionReply> {
  const body = parseSessionBody(settingsSchema, bodyText);
  if (!body.ok) return body.reply;
  const deployment = await findDeployment(db, accountId, deploymentRef);
  if (!deployment) return detailReply(404, "Deployment not found");
  const updated = await setAutoRetrainOnDrift(db, accountId, deployment.id, body.value.autoRetrainOnDrift);
  return updated ? { status: 200, body: { autoRetrainOnDrift: updated.autoRetrainOnDrift } } : detailReply(404, "Deployment not found");
}
