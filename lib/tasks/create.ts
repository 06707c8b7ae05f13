import type { Database } from "@/db/client";
import type { ApiKeyMode } from "@/db/schema";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { refusedLiteralHost } from "@/lib/net/address-policy";
import { problem } from "./problems";
import type { RequestParams, RequestType } from "./request-types";
import { createTaskRequest, type NewTaskRequest, type TaskRequestRecord } from "./store";
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
  const created = await createTaskRequest(db, await storedRequestOf(db, input));
  if (!created.replayed) simulateIfTest(input, created.record.id);
  return created;
}

/** What createTaskRequest stores for a validated request. */
async function storedRequestOf(db: Database, input: NewRequestInput): Promise<NewTaskRequest> {
  const { params } = input;
  const confidence = params.confidence;
  return {
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
  };
}

function simulateIfTest(input: NewRequestInput, id: string): void {
  if (input.mode === "test" && input.params.gold === undefined) scheduleSimulation(id);
}

/**
 * Stores validated requests all together or not at all (one transaction), each under its own
 * idempotency key so a retried batch returns the requests it stored the first time. New test-mode
 * requests go to the simulator once the batch is committed.
 */
export async function createValidatedBatch(db: Database, inputs: readonly NewRequestInput[]): Promise<{ record: TaskRequestRecord; replayed: boolean }[]> {
  const stored: NewTaskRequest[] = [];
  for (const input of inputs) stored.push(await storedRequestOf(db, input));
  const created = await db.transaction(async (tx) => {
    const out = [];
    for (const request of stored) out.push(await createTaskRequest(tx, request));
    return out;
  });
  created.forEach((c, i) => {
    if (!c.replayed) simulateIfTest(inputs[i]!, c.record.id);
  });
  return created;
}
