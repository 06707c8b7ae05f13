import { getDb } from "@/db/client";
import { parseRequestBody } from "../request-types";
import { createTaskRequest, type TaskRequestRecord } from "../store";

/** A live multiple-choice request stored the way the API stores it. */
export async function makeChoiceRequest(
  workspaceId: string,
  options: { confidence?: { min_agreements: number; max_crunchers: number }; exclude?: string[]; hookUrl?: string; mode?: "live" | "test" } = {},
): Promise<TaskRequestRecord> {
  const parsed = parseRequestBody("multiple-choice", {
    instruction: "Does the image contain violent content?",
    attachments_type: "image",
    attachments: ["http://i.imgur.com/qRWH5.jpg"],
    choices: ["no violence", "mild violence", "intense violence"],
    ...(options.confidence ? { confidence: { strategy: "majority", ...options.confidence } } : {}),
    ...(options.exclude ? { exclude_crunchers: options.exclude } : {}),
    ...(options.hookUrl ? { hook_url: options.hookUrl } : {}),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { record } = await createTaskRequest(getDb(), {
    workspaceId,
    mode: options.mode ?? "live",
    type: "multiple-choice",
    params: parsed.params,
    maxCrunchers: options.confidence?.max_crunchers ?? 1,
    minAgreements: options.confidence?.min_agreements ?? 1,
    excludeCrunchers: options.exclude ?? [],
    hookUrl: options.hookUrl ?? null,
    idempotencyKey: null,
    keyId: null,
  });
  return record;
}
