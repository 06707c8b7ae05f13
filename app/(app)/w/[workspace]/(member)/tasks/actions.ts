"use server";

import { revalidatePath } from "next/cache";
import { requireWorkspace } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { findTaskRequest } from "@/lib/tasks/review";
import { abortTaskRequest } from "@/lib/tasks/store";
import { resendWebhook } from "@/lib/tasks/webhooks";

export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

/** Abort from the request page: like POST /v1/tasks/abort/{id}, for the signed-in owner. */
export async function abortRequestAction(requestId: string): Promise<ActionResult> {
  const { account, workspace } = await requireWorkspace("write");
  const db = getDb();
  const request = await findTaskRequest(db, workspace.id, requestId);
  if (!request) return { ok: false, message: "No such request." };
  const outcome = await abortTaskRequest(db, workspace.id, request.mode, request.id);
  revalidatePath(`/tasks/${request.id}`);
  revalidatePath("/tasks");
  if (outcome.ok) return { ok: true, message: "Aborted. It has left every cruncher's queue." };
  return { ok: false, message: outcome.reason === "not_found" ? "No such request." : `The request is already ${outcome.reason}.` };
}

/** "Send again": a fresh signed delivery of the completed request to its hook_url. */
export async function resendWebhookAction(requestId: string): Promise<ActionResult> {
  const { account, workspace } = await requireWorkspace("write");
  const request = await findTaskRequest(getDb(), workspace.id, requestId);
  if (!request?.hookUrl) return { ok: false, message: "This request has no webhook." };
  if (request.status !== "complete") return { ok: false, message: "Webhooks are sent once the request is complete." };
  await resendWebhook(request.id);
  revalidatePath(`/tasks/${request.id}`);
  return { ok: true, message: "Queued; the attempt appears below within a few seconds." };
}
