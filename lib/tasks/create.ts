import type { ApiKeyMode } from "@/db/schema";
import type { RequestParams, RequestType } from "./request-types";
import { createTaskRequest, type TaskRequestRecord } from "./store";
import { scheduleSimulation } from "./test-simulator";

export interface NewRequestInput {
  accountId: string;
  mode: ApiKeyMode;
  type: RequestType;
  /** Params as parseRequestBody returned them (validated, defaults applied). */
  params: RequestParams;
  idempotencyKey: string | null;
  /** The API key that made the request; null from the dashboard. */
  keyId: string | null;
}

/**
 * Stores a validated request the way POST /v1/requests/<type> does, for the API and the dashboard's
 * "New request" form alike: confidence becomes the slot count, excluded cruncher ids are stored in
 * their public form (no dashes, lower case), and a new test-mode request is handed to the simulator.
 */
export async function createValidatedRequest(input: NewRequestInput): Promise<{ record: TaskRequestRecord; replayed: boolean }> {
  const params = input.params as Record<string, unknown> & { confidence?: { min_agreements: number; max_crunchers: number } | null };
  const created = await createTaskRequest({
    accountId: input.accountId,
    mode: input.mode,
    type: input.type,
    params,
    maxCrunchers: params.confidence?.max_crunchers ?? 1,
    minAgreements: params.confidence?.min_agreements ?? 1,
    excludeCrunchers: ((params.exclude_crunchers as string[] | undefined) ?? []).map((id) => id.replace(/-/g, "").toLowerCase()),
    hookUrl: (params.hook_url as string | undefined) ?? null,
    idempotencyKey: input.idempotencyKey,
    keyId: input.keyId,
  });
  if (!created.replayed && input.mode === "test") scheduleSimulation(created.record.id);
  return created;
}
