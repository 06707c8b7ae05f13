import http from "node:http";
import type { AddressInfo } from "node:net";
import type PgBoss from "pg-boss";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getSql } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { makeChoiceRequest } from "./testing/fixtures";
import { rotateWebhookSecret, upgradeStoredWebhookSecrets, webhookSecretFor, WebhookSecretUnreadableError } from "./webhook-secrets";
import { deliverWebhook, listWebhookAttempts, UNREADABLE_SECRET } from "./webhooks";

// A receiver that keeps what it got, to verify signatures the way a customer would.
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
});
let hookUrl = "";
const appSecret = process.env.NEXTAUTH_SECRET!;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1";
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});
afterEach(() => {
  process.env.NEXTAUTH_SECRET = appSecret;
  delete process.env.NEXTAUTH_SECRET_PREVIOUS;
});

const storedSecret = async (workspaceId: string) =>
  ((await getSql()`select secret from task_webhook_secrets where workspace_id = ${workspaceId}`)[0]?.secret as string | undefined) ?? null;
const fakeBoss = () => ({ send: vi.fn(async () => "job") });

/** Delivers one completed-looking request of the account and returns what the receiver got. */
async function deliverOnce(workspaceId: string) {
  const request = await makeChoiceRequest(workspaceId, { hookUrl });
  const job = { requestId: request.id, messageId: `msg_${request.id}`, attempt: 1, firstAttemptAt: new Date().toISOString() };
  const boss = fakeBoss();
  const outcome = await deliverWebhook(getDb(), boss as unknown as PgBoss, job);
  return { outcome, boss, requestId: request.id, delivery: received.find((r) => r.headers["webhook-id"] === job.messageId) };
}

const verifies = (secret: string, delivery: { headers: http.IncomingHttpHeaders; body: string }) => {
  try {
    new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
};

describe("webhook signing secrets at rest", () => {
  it("stores the secret encrypted, and deliveries are signed with the secret the account is shown", async () => {
    const { id } = await makeAccount();
    const shown = await webhookSecretFor(getDb(), id);
    const stored = (await storedSecret(id))!;
    expect(shown).toMatch(/^whsec_/);
    expect(stored).toMatch(/^enc:v1:[\w-]+:[\w-]+$/);
    expect(stored).not.toContain(shown.slice("whsec_".length));
    expect(await webhookSecretFor(getDb(), id)).toBe(shown);
    const { outcome, delivery } = await deliverOnce(id);
    expect(outcome).toBe("delivered");
    expect(verifies(shown, delivery!)).toBe(true);
  });

  it("rotates: the new secret is stored encrypted and signs from then on; the old one no longer verifies", async () => {
    const { id } = await makeAccount();
    const before = await webhookSecretFor(getDb(), id);
    const after = await rotateWebhookSecret(getDb(), id);
    expect(after).not.toBe(before);
    expect(await storedSecret(id)).toMatch(/^enc:v1:/);
    expect(await webhookSecretFor(getDb(), id)).toBe(after);
    const { delivery } = await deliverOnce(id);
    expect([verifies(after, delivery!), verifies(before, delivery!)]).toEqual([true, false]);
  });

  it("reads a secret written in plain text by an earlier version, and encrypts it on read or on start", async () => {
    const [first, second] = [await makeAccount(), await makeAccount()];
    const legacy = "whsec_bGVnYWN5IHNlY3JldCBvZiBlYXJsaWVyIHZlcnNpb24=";
    for (const { id } of [first, second]) await getSql()`insert into task_webhook_secrets (workspace_id, secret) values (${id}, ${legacy})`;
    expect(await webhookSecretFor(getDb(), first.id)).toBe(legacy);
    expect(await storedSecret(first.id)).toMatch(/^enc:v1:/);
    expect((await upgradeStoredWebhookSecrets(getDb())).upgraded).toBeGreaterThanOrEqual(1);
    expect(await storedSecret(second.id)).toMatch(/^enc:v1:/);
    const { delivery } = await deliverOnce(second.id);
    expect(verifies(legacy, delivery!)).toBe(true);
  });

  it("after the app secret changes: no fresh secret behind the account's back; the previous one in NEXTAUTH_SECRET_PREVIOUS opens and re-encrypts it", async () => {
    const { id } = await makeAccount();
    const original = await webhookSecretFor(getDb(), id);
    const storedBefore = await storedSecret(id);
    process.env.NEXTAUTH_SECRET = "a new app secret";

    await expect(webhookSecretFor(getDb(), id)).rejects.toBeInstanceOf(WebhookSecretUnreadableError);
    expect(await storedSecret(id)).toBe(storedBefore); // not replaced
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await deliverOnce(id);
    expect(errors.mock.calls.join(" ")).toMatch(/NEXTAUTH_SECRET_PREVIOUS/);
    errors.mockRestore();
    expect(failed.delivery).toBeUndefined(); // nothing was sent, signed or unsigned
    expect([failed.outcome, failed.boss.send.mock.calls.length]).toEqual(["retrying", 1]);
    expect((await listWebhookAttempts(getDb(), id, failed.requestId))[0]).toMatchObject({ statusCode: null, error: UNREADABLE_SECRET });
    expect((await upgradeStoredWebhookSecrets(getDb())).unreadable).toBeGreaterThanOrEqual(1);

    process.env.NEXTAUTH_SECRET_PREVIOUS = `something else, ${appSecret}`;
    expect(await webhookSecretFor(getDb(), id)).toBe(original);
    expect(await storedSecret(id)).not.toBe(storedBefore); // re-encrypted under the new key
    delete process.env.NEXTAUTH_SECRET_PREVIOUS;
    expect(await webhookSecretFor(getDb(), id)).toBe(original);
    const { delivery } = await deliverOnce(id);
    expect(verifies(original, delivery!)).toBe(true);
  });
});
