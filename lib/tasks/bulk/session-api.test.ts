import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { joinWorkspace, makeAccount, sessionCookieFor } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { getBatch, listBatches } from "../batches";
import { listTaskRequests } from "../list";
import { BULK_CHUNK_ROWS } from "./limits";

// The Upload requests page's routes (check rows, create them in batches) and the Tasks page's export.

const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const json = { "content-type": "application/json" };
const question = (instruction: string, extra: Record<string, unknown> = {}) => ({ instruction, attachments: ["text"], choices: ["yes", "no"], ...extra });

describe.each(clients.map((c) => [c.name, c] as const))("bulk task routes through the %s", (_name, client: AdapterClient) => {
  let member: PublicAccount;
  let cookie: string;
  beforeAll(async () => {
    member = await makeAccount();
    cookie = await sessionCookieFor(member);
  });
  const post = (path: string, body: unknown, who = cookie) => client.request("POST", path, { headers: { cookie: who, ...json }, body: JSON.stringify(body) });

  it("checks every row as the API does and names the failing ones by position", async () => {
    const rows = [question("fine"), question("bad gold", { gold: "maybe" }), { attachments: ["no instruction"] }, question("gold", { gold: "yes" })];
    const answer = await post("/api/tasks/bulk/validate", { type: "multiple-choice", rows });
    expect(answer.status).toBe(200);
    expect(answer.body.problems.map((p: { index: number }) => p.index)).toEqual([1, 2]);
    expect(answer.body.problems[0].errors[0]).toMatchObject({ path: ["gold", 0], message: "Not one of the choices." });
    expect(answer.body.problems[1].errors).toContainEqual(expect.objectContaining({ path: ["instruction"] }));
  });

  it("refuses too many rows, an unknown type and no session, in the session family's shape", async () => {
    const many = await post("/api/tasks/bulk/validate", { type: "free-text", rows: Array.from({ length: BULK_CHUNK_ROWS + 1 }, () => ({ instruction: "x" })) });
    expect(many).toMatchObject({ status: 400, body: { error: "bad_request", message: "The request body is invalid.", errors: [expect.objectContaining({ path: ["rows"] })] } });
    expect((await post("/api/tasks/bulk/validate", { type: "nope", rows: [{}] })).status).toBe(400);
    const signedOut = await client.request("POST", "/api/tasks/bulk/create", { headers: json, body: "{}" });
    expect(signedOut).toMatchObject({ status: 401, body: { error: "unauthorized" } });
  });

  it("lets a cruncher of the workspace create nothing (403)", async () => {
    const cruncher = await makeAccount("cruncher");
    await joinWorkspace(member.id, cruncher.id, "cruncher");
    const refused = await post("/api/tasks/bulk/create", { mode: "live", type: "free-text", upload: randomUUID(), rows: [{ line: 2, body: { instruction: "x" } }] }, await sessionCookieFor(cruncher));
    expect(refused).toMatchObject({ status: 403, body: { error: "forbidden" } });
  });

  it("creates a batch at once (gold rows as gold questions), creates nothing when a row fails, and replays a retried upload", async () => {
    const db = getDb();
    const upload = randomUUID();
    const rows = [
      { line: 2, body: question("Positive?") },
      { line: 3, body: question("Known answer", { gold: "yes" }) },
    ];
    const failing = await post("/api/tasks/bulk/create", { mode: "live", type: "multiple-choice", upload, rows: [...rows, { line: 4, body: { instruction: "" } }] });
    expect(failing).toMatchObject({ status: 400, body: { error: "bad_request", message: expect.stringMatching(/nothing was created/) } });
    expect(failing.body.errors).toContainEqual(expect.objectContaining({ path: [2, "instruction"] }));
    expect((await listTaskRequests(db, member.id, "live", { limit: 10 })).items).toHaveLength(0);

    const created = await post("/api/tasks/bulk/create", { mode: "live", type: "multiple-choice", upload, rows });
    expect(created).toMatchObject({ status: 200, body: { created: 2, replayed: 0 } });
    const again = await post("/api/tasks/bulk/create", { mode: "live", type: "multiple-choice", upload, rows });
    expect(again.body).toMatchObject({ created: 0, replayed: 2, ids: created.body.ids });

    const requests = (await listTaskRequests(db, member.id, "live", { limit: 10 })).items;
    const gold = (await listTaskRequests(db, member.id, "live", { gold: true, limit: 10 })).items;
    expect(requests.map((r) => r.params.instruction)).toEqual(["Positive?"]);
    expect(gold.map((r) => [r.params.instruction, r.params.gold])).toEqual([["Known answer", ["yes"]]]);
    // One upload, one batch: its id unless the page names one.
    expect([...requests, ...gold].map((r) => [r.batch, r.params.batch])).toEqual([[upload, upload], [upload, upload]]);
    expect((await listBatches(db, member.id, "live", { limit: 10 })).items).toMatchObject([{ name: upload, requests: 1, pending: 1 }]);
    const named = await post("/api/tasks/bulk/create", { mode: "live", type: "multiple-choice", upload: randomUUID(), batch: " survey ", rows: [{ line: 2, body: question("Named", { batch: "ignored" }) }] });
    expect(named.status).toBe(200);
    expect((await getBatch(db, member.id, "live", "survey", { limit: 10 }))?.requests.map((r) => r.params.instruction)).toEqual(["Named"]);

    const duplicateLines = await post("/api/tasks/bulk/create", { mode: "live", type: "multiple-choice", upload: randomUUID(), rows: [rows[0], rows[0]] });
    expect(duplicateLines.status).toBe(400);
  });

  it("exports the filtered list as CSV (formulas neutralised) and JSONL, only the workspace's own", async () => {
    const upload = randomUUID();
    await post("/api/tasks/bulk/create", { mode: "test", type: "free-text", upload, rows: [{ line: 2, body: { instruction: "=cmd|' /C calc'!A0" } }, { line: 3, body: { instruction: "plain" } }] });
    const csv = await client.request("GET", "/api/tasks/export?format=csv&mode=test", { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="requests-test.csv"/);
    const lines = (csv.body as string).trim().split("\n");
    expect(lines[0]).toBe("id,type,mode,gold,status,instruction,response,raw_responses,answers,agreement,confidence,created_at,completed_at");
    expect(lines).toHaveLength(3);
    expect(csv.body).toContain(`"'=cmd|' /C calc'!A0"`);

    const jsonl = await client.request("GET", "/api/tasks/export?format=jsonl&mode=test&type=free-text", { headers: { cookie } });
    const objects = jsonl.raw.toString("utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(objects.map((o) => o.instruction).sort()).toEqual(["=cmd|' /C calc'!A0", "plain"]);
    expect(objects[0]).toMatchObject({ type: "free-text", mode: "test", raw_responses: expect.any(Object) });

    const other = await sessionCookieFor(await makeAccount());
    const theirs = await client.request("GET", "/api/tasks/export?format=csv&mode=test", { headers: { cookie: other } });
    expect((theirs.body as string).trim().split("\n")).toHaveLength(1);
    expect((await client.request("GET", "/api/tasks/export?format=xml", { headers: { cookie } })).status).toBe(400);
  });

  it("streams an export longer than one page of reads, every request once", async () => {
    const owner = await sessionCookieFor(await makeAccount());
    const upload = randomUUID();
    const rows = Array.from({ length: BULK_CHUNK_ROWS + 20 }, (_, i) => ({ line: i + 2, body: { instruction: `q${i}` } }));
    for (let i = 0; i < rows.length; i += BULK_CHUNK_ROWS) {
      const made = await post("/api/tasks/bulk/create", { mode: "live", type: "free-text", upload, rows: rows.slice(i, i + BULK_CHUNK_ROWS) }, owner);
      expect(made.status).toBe(200);
    }
    const csv = await client.request("GET", "/api/tasks/export?format=csv", { headers: { cookie: owner } });
    const lines = (csv.body as string).trim().split("\n");
    expect(lines).toHaveLength(rows.length + 1);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(rows.length);
    expect(csv.headers.get("x-export-limit")).toBe("10000");
  });
});
