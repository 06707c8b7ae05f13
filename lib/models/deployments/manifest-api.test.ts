import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { kubernetesSchemaErrors } from "@/lib/deploy/kubernetes-schemas";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { expected, fixture, registerModel, type KeyHeaders } from "./testing";

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-manifest-"));

const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe.each(clients.map((c) => [c.name, c] as const))("GET /deployment/{id}/manifest through the %s", (_name, client: AdapterClient) => {
  let headers: KeyHeaders;
  let other: KeyHeaders;
  const id = `dep-manifest-${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    headers = { "X-api-key": await makeKey((await makeAccount()).id, { scope: "models" }), "Content-Type": "application/json" };
    other = { "X-api-key": await makeKey((await makeAccount()).id, { scope: "models" }), "Content-Type": "application/json" };
    const model = await registerModel(client, headers, { modelname: "manifest", modelkind: "classification" }, [{ bytes: fixture(expected.models.logreg_multinomial!.files.protocol4!), name: "m.pkl", kind: "model" }]);
    const body = { modelid: model, placement: { clusterID: "edge-eu", node: "pi-4", continuum: true }, deployment_id: id };
    expect((await client.request("POST", "/deployment/add", { headers, body: JSON.stringify(body) })).status).toBe(201);
  });

  it("answers the serving pod's manifest, placed by the deployment's placement, for the owner only", async () => {
    const response = await client.request("GET", `/deployment/${id}/manifest`, { headers });
    expect(response.status).toBe(200);
    const manifest = response.body as { kind: string; items: { kind: string; spec: { template?: { spec: { nodeSelector: unknown; tolerations: unknown[] } } } }[] };
    expect(kubernetesSchemaErrors(manifest)).toEqual([]);
    expect(manifest.kind).toBe("List");
    const pod = manifest.items.find((item) => item.kind === "Deployment")!.spec.template!.spec;
    expect(pod.nodeSelector).toEqual({ "kubernetes.io/hostname": "pi-4" });
    expect(pod.tolerations).toHaveLength(1);
    expect((await client.request("GET", `/deployment/${id}/manifest`, { headers: other })).status).toBe(404);
    expect((await client.request("GET", "/deployment/dep-none/manifest", { headers })).status).toBe(404);
    expect((await client.request("GET", `/deployment/${id}/manifest`, {})).status).toBe(401);
  });
});
