import { z } from "zod";
import { currentMember } from "@/app/_server/auth";
import { clampBlockSeconds, MAX_BLOCK_SECONDS, waitForRequest } from "@/lib/tasks/completion-waiters";
import { createValidatedRequest, hookUrlProblems } from "@/lib/tasks/create";
import { requestObjectOf } from "@/lib/tasks/request-view";
import { parseRequestBody, REQUEST_TYPES } from "@/lib/tasks/request-types";
import { getTaskRequest } from "@/lib/tasks/store";

export const dynamic = "force-dynamic";

const envelope = z.object({ mode: z.enum(["live", "test"]), type: z.enum(REQUEST_TYPES), body: z.unknown(), block: z.boolean().default(false) });

/**
 * The "New request" form: the body is validated by the API's parser and stored as the API stores it
 * (test requests go to the simulator); with block, waits up to 60 s for the answer like ?block=60.
 */
export async function POST(request: Request) {
  const account = await currentMember();
  if (!account) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  const sent = envelope.safeParse(await request.json().catch(() => null));
  if (!sent.success) return Response.json({ error: "bad_request", message: "Send {mode, type, body, block}." }, { status: 400 });
  const { mode, type, body, block } = sent.data;
  const parsed = parseRequestBody(type, body);
  const problems = parsed.ok ? hookUrlProblems(parsed.params) : parsed.errors;
  if (!parsed.ok || problems.length) return Response.json({ error: "bad_request", message: "The request has missing or malformed parameters.", errors: problems }, { status: 400 });
  const { record } = await createValidatedRequest({ accountId: account.id, mode, type, params: parsed.params, idempotencyKey: null, keyId: null });
  if (block) {
    await waitForRequest(record.id, clampBlockSeconds(MAX_BLOCK_SECONDS), request.signal, async () => (await getTaskRequest(account.id, mode, record.id))?.status !== "pending");
  }
  const current = (await getTaskRequest(account.id, mode, record.id)) ?? record;
  return Response.json({ request: requestObjectOf(current) }, { headers: { "cache-control": "no-store" } });
}
