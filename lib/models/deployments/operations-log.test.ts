import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { deploymentOperations } from "@/db/schema";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { makeAccount, sessionCookieFor } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { insertTestDeployment, insertTestOperations } from "@/lib/models/drift/testing/deployments";
import { modelCreateSchema } from "../schemas";
import { createModel } from "../store";
import { deploymentOperations as operationsPage } from "./dashboard";
import { FILTER_SCAN_ROWS } from "./operations-store";

// The deployment page's operations log filtered (source, text, time range) and exported as CSV and
// JSON lines, through both adapters, signed in with a session cookie.

const db = getDb();
const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

let member: PublicAccount;
let cookie: string;
let otherCookie: string;
let deploymentId: string;
let bigDeploymentId: string;
let bigRowId: string;
let workspaceId: string;

beforeAll(async () => {
  member = await makeAccount();
  workspaceId = member.id;
  cookie = await sessionCookieFor(member);
  otherCookie = await sessionCookieFor(await makeAccount());
  const model = await createModel(db, workspaceId, modelCreateSchema.parse({ modelname: "Ops", modelkind: "Regressor" }));
  const deployment = await insertTestDeployment(workspaceId, model.id);
  deploymentId = deployment.deploymentId;
  const at = (iso: string) => new Date(iso);
  await db.insert(deploymentOperations).values([
    { workspaceId, deploymentRowId: deployment.id, source: "predict", input: { data: [[1, 2]] }, output: { prediction: [3] }, createdAt: at("2026-01-01T10:00:00Z") },
    { workspaceId, deploymentRowId: deployment.id, source: "external", input: "=HYPERLINK(\"x\")", output: "Alpha", createdAt: at("2026-01-02T10:00:00Z") },
    { workspaceId, deploymentRowId: deployment.id, source: "predict", input: { data: [["alpha", 5]] }, output: { prediction: [7] }, createdAt: at("2026-01-03T10:00:00Z") },
    { workspaceId, deploymentRowId: deployment.id, source: "external", input: { note: "100%_done" }, output: null, createdAt: at("2026-01-04T10:00:00Z") },
  ]);
  // A log longer than one filtered read's window, whose only match is its oldest operation.
  const big = await insertTestDeployment(workspaceId, model.id);
  bigDeploymentId = big.deploymentId;
  bigRowId = big.id;
  await insertTestOperations(workspaceId, big.id, [{ needle: "deep" }], "external");
  await insertTestOperations(workspaceId, big.id, Array.from({ length: FILTER_SCAN_ROWS + 5 }, (_, i) => ({ i })));
});

const sources = (body: { items: { source: string }[] }) => body.items.map((o) => o.source);

describe("the filtered operations page", () => {
  it("walks a log longer than one read's window page by page, each page bounded, to its oldest match", async () => {
    const first = await operationsPage(db, workspaceId, bigRowId, undefined, 20, { source: "external" });
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    const second = await operationsPage(db, workspaceId, bigRowId, first.nextCursor!, 20, { source: "external" });
    expect(second.items.map((o) => o.data)).toEqual([{ needle: "deep" }]);
    expect(second.nextCursor).toBeNull();
  });
});

describe.each(clients.map((c) => [c.name, c] as const))("operations filter and export through the %s", (_name, client: AdapterClient) => {
  const get = (path: string, as = cookie) => client.request("GET", path, { headers: { cookie: as } });
  const ops = (query: string) => get(`/api/deployments/${deploymentId}/operations?${query}`);

  it("filters by source, text in input or output (case-insensitive, taken literally) and time range", async () => {
    expect(sources((await ops("")).body)).toEqual(["external", "predict", "external", "predict"]);
    expect(sources((await ops("source=external")).body)).toEqual(["external", "external"]);
    const alpha = await ops("q=ALPHA");
    expect(alpha.body.items.map((o: { id: number }) => o.id)).toHaveLength(2);
    expect((await ops("q=100%25_")).body.items).toHaveLength(1);
    expect((await ops("q=%25")).body.items).toHaveLength(1);
    expect(sources((await ops("from=2026-01-02&to=2026-01-03")).body)).toEqual(["predict", "external"]);
    expect((await ops("from=2026-01-02T12:00:00Z&to=2026-01-04T10:00:00%2B00:00")).body.items).toHaveLength(1);
    expect((await ops("source=predict&q=alpha&from=2026-01-03")).body.items).toHaveLength(1);
    expect((await ops("source=&q=&from=&to=")).body.items).toHaveLength(4);
  });

  it("keeps keyset paging under a filter", async () => {
    const first = await ops("source=predict&limit=1");
    expect(first.body.items).toHaveLength(1);
    const second = await ops(`source=predict&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[0].id);
    expect(second.body.nextCursor).toBeNull();
  });

  it("refuses a bad filter with 422 in the {detail} shape", async () => {
    for (const query of ["source=batch", `q=${"x".repeat(201)}`, "from=yesterday", "to=2026-01-01T10:00", "from=2026-01-03&to=2026-01-02", "limit=1000"]) {
      const refused = await ops(query);
      expect(refused.status, query).toBe(422);
      expect(refused.body, query).toMatchObject({ detail: expect.any(Array) });
    }
  });

  it("exports the filtered log as CSV (formula cells neutralised) and JSON lines", async () => {
    const csv = await get(`/api/deployments/${deploymentId}/operations/export?format=csv&source=external`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="operations-${deploymentId}.csv"`);
    expect(csv.headers.get("x-export-limit")).toBe("100000");
    const lines = (csv.body as string).trim().split("\n");
    expect(lines[0]).toBe("id,operationid,created_at,source,latency_ms,data,result,explanation");
    expect(lines).toHaveLength(3);
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.body).toContain("2026-01-04T10:00:00.000+00:00");

    const jsonl = await get(`/api/deployments/${deploymentId}/operations/export?format=jsonl&q=alpha`);
    expect(jsonl.headers.get("content-type")).toMatch(/ndjson/);
    const objects = jsonl.raw.toString("utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(objects.map((o) => o.source)).toEqual(["predict", "external"]);
    expect(objects[0]).toMatchObject({ data: { data: [["alpha", 5]] }, result: { prediction: [7] }, deploymentid: deploymentId });
  });

  it("exports past one read's window, and only the workspace's own deployments", async () => {
    const deep = await get(`/api/deployments/${bigDeploymentId}/operations/export?format=jsonl&q=deep`);
    expect(deep.raw.toString("utf8").trim().split("\n").map((l) => JSON.parse(l).data)).toEqual([{ needle: "deep" }]);
    expect((await get(`/api/deployments/${deploymentId}/operations/export`, otherCookie)).status).toBe(404);
    expect((await get(`/api/deployments/${deploymentId}/operations`, otherCookie)).status).toBe(404);
    expect((await get(`/api/deployments/${deploymentId}/operations/export?format=xml`)).status).toBe(422);
    expect((await client.request("GET", `/api/deployments/${deploymentId}/operations/export`)).status).toBe(401);
  });
});
