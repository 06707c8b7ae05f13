import type { Database } from "@/db/client";
import type { ApiKeyMode } from "@/db/schema";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { refusedLiteralHost } from "@/lib/net/address-policy";
import { problem } from "./problems";
import type { RequestParams, RequestType } from "./request-types";
import { createTaskRequest, type TaskRequestRecord } from "./store";
import { resolveCruncherHandles } from "./cruncher-names";
import { scheduleSimulation } from "./test-simulator";

/** A gold question stays open to every cruncher of the workspace (each answers it once): its slot count. */
export const GOLD_SLOTS = 30_000;

export interface NewRequestInput {
  workspaceId: string;
  mode: ApiKeyMode;
  type: RequestType;
  /** Params as parseRequestBody returned them (validated, defaults applied). */
  params: RequestParams;
  idempotencyKey: string | null;
  /** The API key that made the request; null from the dashboard. */
  keyId: string | null;
}

/**
 * A hook_url whose host is a non-public IP address would be refused at every delivery, so it is
 * refused now. Server-side only (the address policy reads the server's setting), hence not part of
 * parseRequestBody, which the dashboard's form also runs in the browser.
 */
export function hookUrlProblems(params: RequestParams): ApiErrorDetail[] {
  if (!params.hook_url || !refusedLiteralHost(params.hook_url)) return [];
  return [problem(["hook_url"], "Must not be a private, loopback or link-local address: webhooks are delivered to public hosts only.", "url_forbidden")];
}

/**
 * Stores a validated request the way POST /v1/requests/<type> does, for the API and the dashboard's
 * "New request" form alike: confidence becomes the slot count, excluded cruncher ids are stored in
 * their public form (no dashes, lower case), and a new test-mode request is handed to the simulator.
 */
export async function createValidatedRequest(db: Database, input: NewRequestInput): Promise<{ record: TaskRequestRecord; replayed: boolean }> {
  const { params } = input;
  const confidence = params.confidence;
  const created = await createTaskRequest(db, {
    workspaceId: input.workspaceId,
    mode: input.mode,
    type: input.type,
    params,
    // Adaptive overlap opens one slot at a time (submit-answer.ts opens the next while unsure).
    maxCrunchers: params.gold !== undefined ? GOLD_SLOTS : confidence?.strategy === "dawid-skene" ? 1 : (confidence?.max_crunchers ?? 1),
    minAgreements: confidence?.strategy === "majority" ? confidence.min_agreements : 1,
    gold: params.gold !== undefined,
    excludeCrunchers: await resolveCruncherHandles(db, input.workspaceId, params.exclude_crunchers ?? []),
    hookUrl: params.hook_url ?? null,
    idempotencyKey: input.idempotencyKey,
    keyId: input.keyId,
  });
  if (!created.replayed && input.mode === "test" && params.gold === undefined) scheduleSimulation(created.record.id);
  return created;
}
