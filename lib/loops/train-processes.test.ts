import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { benchAccountKey, launchServer, stopChild, type LaunchedServer } from "@/bench/processes";

// The production server as processes. Killed (SIGKILL, its Postgres too) in the middle of a load of
// single-example /train/ calls: after a restart, every example that was answered 200 is in n_seen,
// and nothing beyond what was sent. Two servers on one database training one loop: n_seen is exact.
// Needs the build (dist/server.js, .next): `npm run test:crash` runs it after `npm run build`; the
// unit run skips it.
const enabled = process.env.CRUCIBLE_PROCESS_TESTS === "1" && existsSync("dist/server.js") && existsSync(".next/BUILD_ID");

const dataDir = path.resolve(`.data/test-train-crash-${process.pid}`);
const env = (port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  HOST: "127.0.0.1",
  CRUCIBLE_DATA_DIR: dataDir,
  CRUCIBLE_WORKERS: "0",
  DATABASE_URL: "",
});
const start = () => launchServer("server", () => ["dist/server.js"], env);

const servers: LaunchedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => stopChild(s.child)));
  rmSync(dataDir, { recursive: true, force: true });
});

/** The embedded Postgres's postmaster, from its pid file. */
function postmasterPid(): number {
  return Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
}

/** A fresh account's loops key (admin CLI) and one regression loop: how to send as that account. */
async function accountWithLoop(port: number) {
  const { username, secret } = await benchAccountKey(env(port), "loops");
  const headers = { "content-type": "application/json", "x-api-key": secret, "x-username": username };
  const send = (to: number, urlPath: string, body: unknown, loopId?: string) =>
    fetch(`http://127.0.0.1:${to}${urlPath}`, { method: "POST", headers: { ...headers, ...(loopId ? { "x-loop-id": loopId } : {}) }, body: JSON.stringify(body) });
  const defined = await send(port, "/definitions/", { name: "processes", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } });
  expect(defined.status).toBe(200);
  const loopId = ((await defined.json()) as { loop_id: string }).loop_id;
  const nSeen = async (to: number) => {
    const predicted = await send(to, "/predict/", { data: { x: 1 } }, loopId);
    expect(predicted.status).toBe(200);
    return ((await predicted.json()) as { predictions: { n_seen: number }[] }).predictions[0]!.n_seen;
  };
  /** What the stored model has learned (its states and the batches logged since, learned again). */
  const nLearned = async (to: number) => {
    const model = await fetch(`http://127.0.0.1:${to}/definitions/${loopId}/model`, { headers });
    expect(model.status).toBe(200);
    return ((await model.json()) as { learner: { n_learned: number } }).learner.n_learned;
  };
  return { send, loopId, nSeen, nLearned };
}

describe.skipIf(!enabled)("loop training across server processes", () => {
  it("two servers on one database training one loop: n_seen counts every acknowledged example", async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const first = await start();
    servers.push(first);
    const second = await start(); // uses the embedded Postgres the first one started
    servers.push(second);
    const { send, loopId, nSeen, nLearned } = await accountWithLoop(first.port);
    let acknowledged = 0;
    let other = 0;
    const deadline = Date.now() + 3000;
    const client = async (port: number, c: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const x = c * 100_000 + i;
        const res = await send(port, "/train/", { data: { x, y: 2 * x + 1 } }, loopId);
        await res.arrayBuffer();
        if (res.status === 200) acknowledged++;
        else other++;
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, c) => client(c % 2 ? second.port : first.port, c)));
    expect(other).toBe(0);
    expect(acknowledged).toBeGreaterThan(0);
    // Each server answers from its cached model until the other's NOTIFY (or the 1 s re-check) reaches it.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await nSeen(first.port)).toBe(acknowledged);
    expect(await nSeen(second.port)).toBe(acknowledged);
    expect(await nLearned(second.port)).toBe(acknowledged);
    await stopChild(second.child);
    await stopChild(first.child);
  }, 240_000);

  it("a server killed during single-example training keeps every acknowledged example: n_seen after a restart counts them all, and no more than were sent", async () => {
    const first = await start();
    servers.push(first);
    const { send, loopId, nSeen: nSeenAt, nLearned } = await accountWithLoop(first.port);

    // 20 clients, one example per call, until the kill; every call's outcome is awaited.
    let sent = 0;
    let acknowledged = 0;
    let refused = 0;
    let highestNSeen = 0;
    let killed = false;
    const client = async () => {
      while (!killed) {
        const x = sent++;
        try {
          const res = await send(first.port, "/train/", { data: { x, y: 2 * x + 1 } }, loopId);
          const body = (await res.json()) as { n_seen?: number };
          if (res.status === 200) {
            acknowledged++;
            highestNSeen = Math.max(highestNSeen, body.n_seen!);
          } else refused++;
        } catch {
          // no answer: the server was killed with this call in flight
        }
      }
    };
    const load = Promise.all(Array.from({ length: 20 }, client));
    while (acknowledged < 300) await new Promise((r) => setTimeout(r, 20));
    const postmaster = postmasterPid();
    first.child.kill("SIGKILL");
    process.kill(postmaster, "SIGKILL");
    killed = true;
    await load;
    await new Promise((resolve) => (first.child.exitCode === null && first.child.signalCode === null ? first.child.once("exit", resolve) : resolve(null)));

    const restarted = await start();
    servers.push(restarted);
    const nSeen = await nSeenAt(restarted.port);
    expect(refused).toBe(0);
    expect(nSeen).toBeGreaterThanOrEqual(acknowledged);
    expect(nSeen).toBeGreaterThanOrEqual(highestNSeen);
    expect(nSeen).toBeLessThanOrEqual(sent);
    expect(await nLearned(restarted.port)).toBe(nSeen);
  }, 240_000);
});
