import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adminCli, benchAccountKey, launchServer, stopChild, type LaunchedServer } from "@/bench/processes";

// Two production servers on one database: what one changes, the other's caches see within a second —
// a revoked key stops working, a loop's new model answers, a rolled deployment answers with its new
// version, a deleted deployment is gone, a member
// made a viewer can no longer write, a disabled account's key stops. The caches
// are per process (keys, loop models, serving plans); NOTIFY or a one-second expiry keeps them true.
// Needs the build: `npm run test:crash` runs it after `npm run build`; the unit run skips it.
const enabled = process.env.CRUCIBLE_PROCESS_TESTS === "1" && existsSync("dist/server.js") && existsSync(".next/BUILD_ID");

const dataDir = path.resolve(`.data/test-caches-${process.pid}`);
const env = (port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  HOST: "127.0.0.1",
  CRUCIBLE_DATA_DIR: dataDir,
  CRUCIBLE_WORKERS: "0",
  DATABASE_URL: "",
});

const servers: LaunchedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => stopChild(s.child)));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Milliseconds until `check` holds (polled every 20 ms), or fails after 5 s. */
async function msUntil(check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 5000) throw new Error("not seen within 5 s");
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

describe.skipIf(!enabled)("caches across server processes", () => {
  it("a revoked key, a loop's new model, a rolled deployment, a deleted deployment, a role change and a disabled account are seen by the other server within a second", { timeout: 180_000 }, async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const a = await launchServer("server A", () => ["dist/server.js"], env);
    servers.push(a);
    const b = await launchServer("server B", () => ["dist/server.js"], env); // joins A's embedded Postgres
    servers.push(b);
    const url = (s: LaunchedServer, p: string) => `http://127.0.0.1:${s.port}${p}`;

    // A key used on B (so B caches it), revoked through A's database by the admin command.
    const models = await benchAccountKey(env(a.port), "models");
    const modelHeaders = { "x-api-key": models.secret };
    expect((await fetch(url(b, "/healthz/models"), { headers: modelHeaders })).status).toBe(200);
    const keys = JSON.parse(execFileSync(process.execPath, ["dist/lib/admin/cli.js", "list-keys", "--email", `${models.username}@bench.invalid`, "--json"], { env: env(a.port) }).toString()) as { id: string }[];
    execFileSync(process.execPath, ["dist/lib/admin/cli.js", "revoke-key", "--key", keys[0]!.id, "--json"], { env: env(a.port) });
    const revokedMs = await msUntil(async () => (await fetch(url(b, "/healthz/models"), { headers: modelHeaders })).status === 401);
    expect(revokedMs).toBeLessThan(1000);

    // A loop trained on A, predicted on B: B answers from the new model.
    const loops = await benchAccountKey(env(a.port), "loops");
    const loopHeaders = { "content-type": "application/json", "x-api-key": loops.secret, "x-username": loops.username };
    const post = (s: LaunchedServer, p: string, body: unknown, loopId?: string) =>
      fetch(url(s, p), { method: "POST", headers: { ...loopHeaders, ...(loopId ? { "x-loop-id": loopId } : {}) }, body: JSON.stringify(body) });
    const defined = (await (await post(a, "/definitions/", { name: "caches", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } })).json()) as { loop_id: string };
    const nSeenOn = async (s: LaunchedServer) => ((await (await post(s, "/predict/", { data: { x: 1 } }, defined.loop_id)).json()) as { predictions: { n_seen: number }[] }).predictions[0]!.n_seen;
    expect(await nSeenOn(b)).toBe(0); // cached on B
    expect((await post(a, "/train/", { data: [{ x: 1, y: 3 }, { x: 2, y: 5 }] }, defined.loop_id)).status).toBe(200);
    const trainedMs = await msUntil(async () => (await nSeenOn(b)) === 2);
    expect(trainedMs).toBeLessThan(1000);

    // A deployment predicted on B (its serving plan cached there), deleted on A.
    const fresh = await benchAccountKey(env(a.port), "models");
    const headers = { "x-api-key": fresh.secret };
    const created = (await (await fetch(url(a, "/model/add"), { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ modelname: "caches", modelkind: "regression" }) })).json()) as { modelid: string };
    const form = new FormData();
    form.append("file", new Blob([readFileSync("lib/models/fixtures/models/linear_regression.p4.pkl")]), "model.pkl");
    form.append("file_kind", "model");
    expect((await fetch(url(a, `/model/${created.modelid}/upload`), { method: "POST", headers, body: form })).status).toBe(201);
    const deployBody = { modelid: created.modelid, ownerid: "caches", placement: { clusterID: "*", node: "*", continuum: false }, deployment_id: "dep-caches", inference_data: 0 };
    expect((await fetch(url(a, "/deployment/add"), { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(deployBody) })).status).toBe(201);
    const predictOnB = () => fetch(url(b, "/deployment/dep-caches/predict"), { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ data: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }) });
    await msUntil(async () => (await predictOnB()).status === 200);
    expect((await predictOnB()).headers.get("x-model-version")).toBe("1");
    // Production moved on A (v2 verified there): B answers with v2, its cached plan dropped by NOTIFY.
    const v2 = new FormData();
    v2.append("file", new Blob([readFileSync("lib/models/fixtures/models/ridge.p4.pkl")]), "model.pkl");
    v2.append("file_kind", "model");
    expect((await fetch(url(a, `/model/${created.modelid}/upload`), { method: "POST", headers, body: v2 })).status).toBe(201);
    expect((await fetch(url(a, `/model/${created.modelid}/aliases/production`), { method: "PUT", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ version: 2 }) })).status).toBe(200);
    const rolledMs = await msUntil(async () => (await predictOnB()).headers.get("x-model-version") === "2");
    expect(rolledMs).toBeLessThan(1000);
    expect((await fetch(url(a, "/deployment/dep-caches"), { method: "DELETE", headers })).status).toBe(200);
    const deletedMs = await msUntil(async () => (await predictOnB()).status === 404);
    expect(deletedMs).toBeLessThan(1100);

    // A model deleted on A (to the trash) takes its deployment with it: B stops serving it too.
    expect((await fetch(url(a, "/deployment/add"), { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ ...deployBody, deployment_id: "dep-caches-2" }) })).status).toBe(201);
    const predictOnB2 = () => fetch(url(b, "/deployment/dep-caches-2/predict"), { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ data: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }) });
    await msUntil(async () => (await predictOnB2()).status === 200);
    expect((await fetch(url(a, `/model/${created.modelid}`), { method: "DELETE", headers })).status).toBe(200);
    const trashedMs = await msUntil(async () => (await predictOnB2()).status === 404);
    expect(trashedMs).toBeLessThan(1100);

    // A member's key used on B; on A's database the member becomes a viewer (the key may only read),
    // then the account is disabled (the key stops).
    const owner = await benchAccountKey(env(a.port), "models");
    const member = `member-${Date.now().toString(36)}`;
    await adminCli(env(a.port), ["create-user", "--email", `${member}@bench.invalid`, "--password", "long enough secret", "--username", member]);
    await adminCli(env(a.port), ["set-role", "--workspace", owner.username, "--email", `${member}@bench.invalid`, "--role", "member"]);
    const memberKey = String((await adminCli(env(a.port), ["create-key", "--email", `${member}@bench.invalid`, "--workspace", owner.username, "--scope", "models"])).secret);
    const addModel = () => fetch(url(b, "/model/add"), { method: "POST", headers: { "x-api-key": memberKey, "content-type": "application/json" }, body: JSON.stringify({ modelname: "by a member", modelkind: "regression" }) });
    expect((await addModel()).status).toBe(201); // cached on B
    await adminCli(env(a.port), ["set-role", "--workspace", owner.username, "--email", `${member}@bench.invalid`, "--role", "viewer"]);
    const roleMs = await msUntil(async () => (await addModel()).status === 403);
    expect(roleMs).toBeLessThan(1000);
    expect((await fetch(url(b, "/model/all"), { headers: { "x-api-key": memberKey } })).status).toBe(200); // a viewer still reads
    await adminCli(env(a.port), ["disable-user", "--email", `${member}@bench.invalid`]);
    const disabledMs = await msUntil(async () => (await fetch(url(b, "/model/all"), { headers: { "x-api-key": memberKey } })).status === 401);
    expect(disabledMs).toBeLessThan(1000);
    console.log(`seen on the other server after: key revocation ${revokedMs} ms, loop training ${trainedMs} ms, deployment rolled ${rolledMs} ms, deployment deletion ${deletedMs} ms, model trashed ${trashedMs} ms, role change ${roleMs} ms, account disabled ${disabledMs} ms`);
  });
});
