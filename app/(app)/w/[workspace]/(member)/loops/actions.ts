"use server";

import { revalidatePath } from "next/cache";
import { requireWorkspace } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { createApiKey } from "@/lib/auth/api-keys-store";
import { recordAudit } from "@/lib/workspaces/audit";
import { actionInputProblem } from "@/lib/http/action-input";
import { loopNameProblem, parseDefinition } from "@/lib/loops/definition";
import { predictRows } from "@/lib/loops/engine";
import { createLoop, defineLoop, getLoop, loadLoop } from "@/lib/loops/store";
import type { Prediction } from "@/lib/loops/types";

export type CreateLoopState = { ok: true; loopId: string } | { ok: false; problems: string[] };

/** Creates a loop from the dashboard form, validated exactly as POST /definitions/ validates. */
export async function createLoopAction(body: unknown, defineLater: boolean): Promise<CreateLoopState> {
  const { account, workspace } = await requireWorkspace("write");
  const problem = actionInputProblem(body);
  if (problem) return { ok: false, problems: [problem] };
  if (defineLater) {
    const name = typeof (body as { name?: unknown })?.name === "string" ? (body as { name: string }).name.trim() : "";
    if (!name) return { ok: false, problems: ["name: must be a non-empty string"] };
    const tooLong = loopNameProblem(name);
    if (tooLong) return { ok: false, problems: [tooLong] };
    const loop = await createLoop(getDb(), workspace.id, name);
    revalidatePath("/loops");
    return { ok: true, loopId: loop.id };
  }
  const parsed = parseDefinition(body);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const result = await defineLoop(getDb(), workspace.id, null, parsed.definition);
  if (!result.ok) return { ok: false, problems: ["The loop could not be created."] };
  revalidatePath("/loops");
  return { ok: true, loopId: result.loop.id };
}

/** The loop page's "Generate API Key": a loops key bound to this loop, shown once. */
export async function generateLoopKeyAction(loopId: string): Promise<{ ok: true; secret: string } | { ok: false; message: string }> {
  const { account, workspace } = await requireWorkspace("write");
  const loop = await getLoop(getDb(), workspace.id, loopId);
  if (!loop) return { ok: false, message: "No such loop." };
  const result = await createApiKey(getDb(), workspace.id, { name: `${loop.name} (loop key)`, scope: "loops", loopId }, account.id);
  if (result.ok) await recordAudit(getDb(), workspace.id, { id: account.id, label: account.username }, { action: "key.created", target: result.key.prefix, detail: { name: result.key.name, scope: "loops" } });
  if (!result.ok) return { ok: false, message: Object.values(result.errors).join(" ") };
  revalidatePath("/keys");
  return { ok: true, secret: result.secret };
}

export type TryPredictionState = { ok: true; prediction: Prediction; outputName: string } | { ok: false; problems: string[] };

/** The loop page's "try a prediction" form; like /predict/, it never changes the model. */
export async function tryPredictionAction(loopId: string, input: Record<string, unknown>): Promise<TryPredictionState> {
  const { account, workspace } = await requireWorkspace("write");
  const problem = actionInputProblem(input);
  if (problem) return { ok: false, problems: [problem] };
  const loaded = await loadLoop(getDb(), workspace.id, loopId);
  if (!loaded.ok) return { ok: false, problems: [loaded.reason === "not_defined" ? "Define the loop first." : "No such loop."] };
  const { spec, model } = loaded.loop;
  const outcome = await predictRows(spec, model, input, 10);
  const first = outcome.predictions[0];
  return first ? { ok: true, prediction: first.prediction, outputName: spec.output.name } : { ok: false, problems: outcome.errors };
}
