import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountSessionRoutes } from "@/lib/auth/account-api";
import { makeAccount, sessionCookieFor } from "@/lib/auth/testing";
import { ApiRouter } from "@/lib/http/router";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { workspaceSessionRoutes } from "@/lib/workspaces/session-api";

/**
 * With SMTP_URL set, invitation and reset links are also mailed — checked against a real SMTP server
 * on loopback (the smtp-server package), not a stub of the mailer.
 */
const received: { to: string[]; body: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let body = "";
    stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
      callback();
    });
  },
});
let client: AdapterClient;
const json = { "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" };

beforeAll(async () => {
  smtp.listen(0, "127.0.0.1");
  await once(smtp.server, "listening");
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  [client] = (await adapterClients(new ApiRouter([...workspaceSessionRoutes, ...accountSessionRoutes]))) as [AdapterClient];
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("mail", () => {
  it("sends an invitation link to the invited address", async () => {
    const owner = await makeAccount();
    const cookie = await sessionCookieFor(owner);
    const res = await client.request("POST", "/api/workspace/invitations", { headers: { cookie, ...json }, body: JSON.stringify({ email: "invited@example.com", role: "member" }) });
    expect(res).toMatchObject({ status: 201, body: { mailed: true } });
    const mail = received.find((m) => m.to.includes("invited@example.com"))!;
    expect(mail.body.replace(/=\r\n/g, "")).toContain(res.body.url);
  });

  it("forgot password: mails a reset link to an existing account, and answers the same for an unknown address", async () => {
    const account = await makeAccount();
    const ask = (email: string) => client.request("POST", "/api/password-reset", { headers: json, body: JSON.stringify({ email }) });
    const known = await ask(account.email);
    const unknown = await ask("nobody-here@example.com");
    expect(known.status).toBe(202);
    expect(unknown).toMatchObject({ status: 202, body: known.body });
    const mail = received.find((m) => m.to.includes(account.email))!;
    const link = /\/reset\/([A-Za-z0-9_-]{43})/.exec(mail.body.replace(/=\r\n/g, ""))![1]!;
    const reset = await client.request("POST", `/api/password-reset/${link}`, { headers: json, body: JSON.stringify({ password: "a brand new password" }) });
    expect(reset.status).toBe(200);
    expect(received.some((m) => m.to.includes("nobody-here@example.com"))).toBe(false);
  });
});
