import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients } from "@/lib/http/testing";
import { MEMORY_PER_FILE_BYTE, modelCacheStats, resetModelCache } from "./model-cache";
import { getDeployment, insertDeployment } from "./store";
import { expected, fixture, IRIS_FEATURES, irisMetadata, registerModel, settledStatus, type KeyHeaders } from "./testing";

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-serving-"));
// The stand-in file server below listens on loopback, which data_link refuses by default.
process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1";

const [, client] = await adapterClients(apiRouter);
const logreg = expected.models.logreg_multinomial!;
const ridge = expected.models.ridge!;
const json = (value: unknown) => JSON.stringify(value);

// A stand-in for the caller's file server, for data_link.
const csvServer = http.createServer((req, res) => {
  if (req.url === "/iris.csv") res.writeHead(200, { "content-type": "text/csv" }).end(`id,${IRIS_FEATURES.join(",")}\n1,${logreg.X[0]!.join(",")}\n2,${logreg.X[4]!.join(",")}\n`);
  else if (req.url === "/moved") res.writeHead(302, { location: "/iris.csv" }).end();
  else if (req.url === "/big.csv") res.writeHead(200).end(`${"5.1,3.5,1.4,0.2\n".repeat(1000)}`);
  else res.writeHead(404).end();
});
let base = "";
let headers: KeyHeaders;
let workspaceId: string;
let irisModel: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => csvServer.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(csvServer.address() as AddressInfo).port}`;
  workspaceId = (await makeAccount()).id;
  headers = { "X-api-key": await makeKey(workspaceId, { scope: "models" }), "Content-Type": "application/json" };
  irisModel = await registerModel(client!, headers, irisMetadata, [{ bytes: fixture(logreg.files.protocol4!), name: "iris.pkl", kind: "model" }]);
});
afterAll(async () => {
  await client!.close();
  await new Promise((resolve) => csvServer.close(resolve));
});

const deploy = (body: object) => client!.request("POST", "/deployment/add", { headers, body: json(body) });
const predict = (id: string, body: object) => client!.request("POST", `/deployment/${id}/predict`, { headers, body: json(body) });

describe("serving", () => {
  it("serves in a second process a deployment created by the first (loaded from Postgres and the blob store)", async () => {
    await deploy({ modelid: irisModel, deployment_id: "dep-second" });
    expect((await settledStatus(client!, headers, "dep-second")).status).toBe("deployed");
    resetModelCache(); // as a freshly started process
    const res = await predict("dep-second", { data: logreg.X[0], explain: true });
    expect(res.status).toBe(200);
    expect(res.body.prediction).toEqual([0]);
    expect(modelCacheStats().loads).toBe(1);
  });

  it("loads on demand a deployment left waiting by a process that went away", async () => {
    for (const id of ["dep-orphan-a", "dep-orphan-b"]) {
      await insertDeployment(getDb(), workspaceId, {
        deploymentId: id,
        modelId: irisModel,
        versionRef: null,
        version: 1,
        ownerid: "",
        placement: { clusterID: "*", node: "*", continuum: false },
        inferenceData: 0,
        status: "waiting",
        reason: null,
      });
    }
    const res = await predict("dep-orphan-a", { data: logreg.X[0] });
    expect(res.status).toBe(200);
    expect((await getDeployment(getDb(), workspaceId, "dep-orphan-a"))!.status).toBe("running");
    // A status read picks it up too.
    expect((await settledStatus(client!, headers, "dep-orphan-b")).status).toBe("deployed");
  });

  it("makes a predict on a deployment that is still loading wait for the load", async () => {
    resetModelCache();
    const created = await deploy({ modelid: irisModel, deployment_id: "dep-eager" });
    expect(created.body.status).toBe("pending");
    const res = await predict("dep-eager", { data: logreg.X });
    expect(res.status).toBe(200);
    expect(res.body.prediction).toEqual(logreg.predict);
    expect(modelCacheStats().loads).toBe(1);
  });

  it("keeps models in an LRU bounded by memory: the least recently used is evicted and reloaded on demand", async () => {
    const ridgeModel = await registerModel(client!, headers, { modelname: "ridge", modelkind: "regression" }, [{ bytes: fixture(ridge.files.protocol4!), name: "r.pkl", kind: "model" }]);
    await deploy({ modelid: ridgeModel, deployment_id: "dep-ridge" });
    await settledStatus(client!, headers, "dep-ridge");
    const iris = fixture(logreg.files.protocol4!).length * MEMORY_PER_FILE_BYTE;
    const diabetes = fixture(ridge.files.protocol4!).length * MEMORY_PER_FILE_BYTE;
    resetModelCache(Math.max(iris, diabetes) + 100); // room for one of the two

    expect((await predict("dep-second", { data: logreg.X[0] })).status).toBe(200);
    expect((await predict("dep-ridge", { data: ridge.X[0] })).status).toBe(200);
    expect(modelCacheStats()).toMatchObject({ loads: 2, evictions: 1, entries: 1 });
    const again = await predict("dep-second", { data: logreg.X[0] });
    expect(again.body.prediction).toEqual([0]);
    expect(modelCacheStats()).toMatchObject({ loads: 3, evictions: 2 });
    // Two deployments of the same file share one loaded estimator.
    expect((await predict("dep-eager", { data: logreg.X[0] })).status).toBe(200);
    expect(modelCacheStats().loads).toBe(3);
  });

  it("refuses data_link hosts that are not public, in every spelling, unless the operator allows them", async () => {
    await deploy({ modelid: irisModel, deployment_id: "dep-private", inference_data: 1 });
    const port = new URL(base).port;
    const loopback = ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "2130706433", "0177.0.0.1", "0x7f000001", "127.1", "0", "[::1]", "[::]", "[::ffff:7f00:1]", "[::127.0.0.1]"];
    const links = [`${base}/moved`, ...loopback.map((host) => `http://${host}:${port}/iris.csv`), "http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/", "http://10.0.0.1/x.csv"];
    let reached = 0;
    const count = () => (reached += 1);
    csvServer.on("request", count);
    delete process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE;
    try {
      for (const link of links) {
        const res = await predict("dep-private", { data_link: link });
        expect(res.status, link).toBe(422);
        expect(res.body.detail[0], link).toMatchObject({ loc: ["body", "data_link"], type: "url_forbidden", msg: expect.stringMatching(/not a public address/) });
      }
      expect(reached).toBe(0);
      process.env.CRUCIBLE_DATA_LINK_ALLOW_PRIVATE = "1"; // the setting's older name still works
      expect((await predict("dep-private", { data_link: `${base}/iris.csv` })).status).toBe(200);
    } finally {
      csvServer.off("request", count);
      delete process.env.CRUCIBLE_DATA_LINK_ALLOW_PRIVATE;
      process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1";
    }
  });

  it("reads data_link CSVs for inference_data 1, within the size limit, following http(s) redirects", async () => {
    await deploy({ modelid: irisModel, deployment_id: "dep-link", inference_data: 1 });
    const res = await predict("dep-link", { data_link: `${base}/moved`, explain: true });
    expect(res.status).toBe(200);
    expect(res.body.prediction).toEqual([logreg.predict[0], logreg.predict[4]]);
    expect(res.body.explanation.row).toBe(0);

    const previous = process.env.CRUCIBLE_DATA_LINK_LIMIT_BYTES;
    process.env.CRUCIBLE_DATA_LINK_LIMIT_BYTES = "1000";
    try {
      const big = await predict("dep-link", { data_link: `${base}/big.csv` });
      expect(big.status).toBe(422);
      expect(big.body.detail[0]).toMatchObject({ loc: ["body", "data_link"], type: "too_long" });
    } finally {
      if (previous === undefined) delete process.env.CRUCIBLE_DATA_LINK_LIMIT_BYTES;
      else process.env.CRUCIBLE_DATA_LINK_LIMIT_BYTES = previous;
    }
    expect((await predict("dep-link", { data_link: `${base}/missing.csv` })).body.detail[0].msg).toMatch(/HTTP 404/);
    expect((await predict("dep-link", { data_link: "ftp://example.com/x.csv" })).status).toBe(422);
  });

  it("serves by layout, not by the recorded scikit-learn version", async () => {
    const bytes = Buffer.from(fixture(ridge.files.protocol4!));
    const at = bytes.indexOf("1.2.1");
    expect(at).toBeGreaterThan(0);
    bytes.write("9.9.9", at, "latin1");
    const model = await registerModel(client!, headers, { modelname: "future", modelkind: "regression" }, [{ bytes, name: "future.pkl", kind: "model" }]);
    await deploy({ modelid: model, deployment_id: "dep-future" });
    expect(await settledStatus(client!, headers, "dep-future")).toMatchObject({ status: "deployed" });
  });
});
