import http from "node:http";
import type { AddressInfo } from "node:net";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getSql } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { LOOPBACK_SPELLINGS } from "@/lib/net/testing";
import { makeChoiceRequest } from "./testing/fixtures";
import { deliverWebhook, listWebhookAttempts, REFUSED_HOOK } from "./webhooks";

// Receivers on both loopbacks, one port: any connection a refused delivery made would show here.
let connections = 0;
const servers = ["127.0.0.1", "::1"].map((host) => {
  const server = http.createServer((_req, res) => res.writeHead(204).end());
  server.on("connection", () => (connections += 1));
  return { host, server };
});
let port = 0;
let workspaceId: string;

beforeAll(async () => {
  for (const { host, server } of servers) {
    await new Promise<void>((resolve) => {
      server.once("error", () => resolve()); // no IPv6 loopback: the IPv4 one still counts
      server.listen(port, host, () => resolve());
    });
    port ||= (server.address() as AddressInfo).port;
  }
  workspaceId = (await makeAccount()).id;
});
afterAll(async () => {
  await Promise.all(servers.map(({ server }) => new Promise((resolve) => server.close(resolve))));
});
afterEach(() => {
  delete process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE;
});

const fakeBoss = () => ({ send: vi.fn(async () => "job") });

/** A request whose hook_url is url, stored as if it had been accepted earlier (or with the setting on). */
async function requestWithHook(url: string): Promise<string> {
  const record = await makeChoiceRequest(workspaceId, { hookUrl: "https://example.com/hook" });
  await getSql()`update task_requests set hook_url = ${url} where id = ${record.id}`;
  return record.id;
}

const job = (requestId: string) => ({ requestId, messageId: `msg_${requestId}`, attempt: 1, firstAttemptAt: new Date().toISOString() });

describe("webhook delivery through the outbound guard", () => {
  it("refuses loopback in every spelling (logged as refused, without status or timing, not retried, nothing contacted) unless private targets are allowed", async () => {
    for (const spelling of [...LOOPBACK_SPELLINGS, "169.254.169.254", "[fd00:ec2::254]", "10.0.0.1"]) {
      const requestId = await requestWithHook(`http://${spelling}:${port}/hook`);
      const boss = fakeBoss();
      expect(await deliverWebhook(getDb(), boss as unknown as PgBoss, job(requestId)), spelling).toBe("gave_up");
      expect(boss.send, spelling).not.toHaveBeenCalled();
      const [attempt] = await listWebhookAttempts(getDb(), workspaceId, requestId);
      expect(attempt, spelling).toMatchObject({ statusCode: null, error: REFUSED_HOOK, durationMs: 0 });
    }
    expect(connections).toBe(0);

    process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1"; // the self-hosted setting lets local receivers in
    const requestId = await requestWithHook(`http://localhost:${port}/hook`);
    expect(await deliverWebhook(getDb(), fakeBoss() as unknown as PgBoss, job(requestId))).toBe("delivered");
    expect((await listWebhookAttempts(getDb(), workspaceId, requestId))[0]).toMatchObject({ statusCode: 204, error: null });
    expect(connections).toBeGreaterThan(0);
  });

  it("still retries other failures (a closed port with the setting on)", async () => {
    process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1";
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const requestId = await requestWithHook(`http://127.0.0.1:${closedPort}/hook`);
    const boss = fakeBoss();
    expect(await deliverWebhook(getDb(), boss as unknown as PgBoss, job(requestId))).toBe("retrying");
    expect(boss.send).toHaveBeenCalledOnce();
    expect((await listWebhookAttempts(getDb(), workspaceId, requestId))[0]!.error).not.toBe(REFUSED_HOOK);
  });
});
