import type PgBoss from "pg-boss";
import { Webhook } from "standardwebhooks";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskRequests, taskWebhookAttempts } from "@/db/schema";
import { getBoss, QUEUES } from "@/lib/jobs/boss";
import { OutboundError, outboundRequest } from "@/lib/net/outbound";
import { requestObjectOf } from "./request-view";
import { getTaskRequestInternal, type TaskRequestRecord } from "./store";
import { webhookSecretFor, WebhookSecretUnreadableError } from "./webhook-secrets";
import { configuredPublicUrl } from "@/lib/http/public-url";

/**
 * hook_url deliveries: the completing transaction marks the request's webhook "due" (an outbox);
 * the dispatcher turns due rows into queue jobs; each job makes one signed POST (Standard
 * Webhooks: webhook-id, webhook-timestamp, webhook-signature) and logs the attempt. A failure or
 * timeout schedules the next attempt with exponential backoff until 24 hours have passed. The POST
 * goes through the outbound guard (lib/net/outbound.ts): a hook_url whose address is not public is
 * refused before any connection, logged without status or timing, and not retried.
 */

export interface WebhookJob {
  requestId: string;
  messageId: string;
  attempt: number;
  firstAttemptAt: string;
}

const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_DELAY_MS = 60 * 60 * 1000;
const TIMEOUT_MS = 10_000;

/** First retry delay; doubles per attempt up to an hour. CRUCIBLE_WEBHOOK_RETRY_BASE_MS shortens it in tests. */
function retryBaseMs(): number {
  return Number(process.env.CRUCIBLE_WEBHOOK_RETRY_BASE_MS ?? 30_000);
}

export function retryDelayMs(attempt: number): number {
  return Math.min(retryBaseMs() * 2 ** (attempt - 1), MAX_DELAY_MS);
}

/** Moves due webhooks from the outbox into the job queue; concurrent dispatchers skip each other's rows. */
export async function dispatchDueWebhooks(db: Database, boss: PgBoss): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: taskRequests.id })
      .from(taskRequests)
      // A literal, so the partial index of due webhooks matches.
      .where(eq(taskRequests.hookState, sql`'due'`))
      .orderBy(asc(taskRequests.completedAt))
      .limit(100)
      .for("update", { skipLocked: true });
    for (const row of rows) {
      const job: WebhookJob = { requestId: row.id, messageId: `msg_${row.id}`, attempt: 1, firstAttemptAt: new Date().toISOString() };
      await boss.send(QUEUES.taskWebhook, job, { retryLimit: 2 });
    }
    if (rows.length) {
      await tx
        .update(taskRequests)
        .set({ hookState: "queued" })
        .where(inArray(taskRequests.id, rows.map((r) => r.id)));
    }
    return rows.length;
  });
}

/** "Send again" from the request page: a fresh delivery with its own 24-hour window. */
export async function resendWebhook(requestId: string): Promise<void> {
  const boss = await getBoss();
  const job: WebhookJob = { requestId, messageId: `msg_${requestId}_${Date.now()}`, attempt: 1, firstAttemptAt: new Date().toISOString() };
  await boss.send(QUEUES.taskWebhook, job, { retryLimit: 2 });
}

/** The whole log line of a refused delivery: nothing in it depends on the target (no status, no timing). */
export const REFUSED_HOOK = "refused: the hook URL's address is not allowed (private, loopback or link-local)";

interface PostResult {
  statusCode: number | null;
  error: string | null;
  refused?: boolean;
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<PostResult> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  try {
    const res = await outboundRequest(url, { method: "POST", headers, body, signal: timeout });
    const ok = res.status >= 200 && res.status < 300;
    return { statusCode: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (error) {
    if (error instanceof OutboundError && (error.kind === "refused_address" || error.kind === "refused_scheme")) return { statusCode: null, error: REFUSED_HOOK, refused: true };
    return { statusCode: null, error: timeout.aborted ? `timed out after ${TIMEOUT_MS / 1000} s` : (error as Error).message };
  }
}

/** Logged instead of sending when the signing secret cannot be decrypted; retried like a failure, so a fix within the window resumes delivery. */
export const UNREADABLE_SECRET = "not sent: the signing secret cannot be decrypted (NEXTAUTH_SECRET changed; see NEXTAUTH_SECRET_PREVIOUS)";

/** Signs and sends the request object; a secret no key opens is reported, never replaced. */
async function signAndPost(db: Database, request: TaskRequestRecord, messageId: string): Promise<PostResult> {
  let secret: string;
  try {
    secret = await webhookSecretFor(db, request.workspaceId);
  } catch (error) {
    if (!(error instanceof WebhookSecretUnreadableError)) throw error;
    console.error(`[crucible] webhook ${messageId}: ${error.message}`);
    return { statusCode: null, error: UNREADABLE_SECRET };
  }
  // No request to take a host from: media answers are absolute when PUBLIC_URL is set.
  const payload = JSON.stringify(requestObjectOf(request, configuredPublicUrl()));
  const timestamp = new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Crucible-Webhooks/1",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, timestamp, payload),
  };
  return post(request.hookUrl!, headers, payload);
}

/** One delivery attempt; schedules the next one on failure while the 24-hour window lasts. */
export async function deliverWebhook(db: Database, boss: PgBoss, job: WebhookJob): Promise<"delivered" | "retrying" | "gave_up" | "skipped"> {
  const request = await getTaskRequestInternal(db, job.requestId);
  if (!request?.hookUrl) return "skipped";
  const started = performance.now();
  const result = await signAndPost(db, request, job.messageId);
  await db.insert(taskWebhookAttempts).values({
    requestId: request.id,
    workspaceId: request.workspaceId,
    messageId: job.messageId,
    attempt: job.attempt,
    url: request.hookUrl,
    statusCode: result.statusCode,
    error: result.error,
    durationMs: result.refused ? 0 : Math.round(performance.now() - started),
  });
  if (!result.error) return "delivered";
  if (result.refused) return "gave_up"; // the address will not become allowed by waiting
  const delay = retryDelayMs(job.attempt);
  if (Date.now() + delay - Date.parse(job.firstAttemptAt) > RETRY_WINDOW_MS) return "gave_up";
  await boss.send(QUEUES.taskWebhook, { ...job, attempt: job.attempt + 1 }, { startAfter: new Date(Date.now() + delay), retryLimit: 2 });
  return "retrying";
}

export interface WebhookAttempt {
  attempt: number;
  messageId: string;
  url: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  createdAt: Date;
}

export async function listWebhookAttempts(db: Database, workspaceId: string, requestId: string): Promise<WebhookAttempt[]> {
  return db
    .select({
      attempt: taskWebhookAttempts.attempt,
      messageId: taskWebhookAttempts.messageId,
      url: taskWebhookAttempts.url,
      statusCode: taskWebhookAttempts.statusCode,
      error: taskWebhookAttempts.error,
      durationMs: taskWebhookAttempts.durationMs,
      createdAt: taskWebhookAttempts.createdAt,
    })
    .from(taskWebhookAttempts)
    .where(and(eq(taskWebhookAttempts.requestId, requestId), eq(taskWebhookAttempts.workspaceId, workspaceId)))
    .orderBy(asc(taskWebhookAttempts.createdAt));
}
