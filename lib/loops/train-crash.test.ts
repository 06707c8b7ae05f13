import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { benchAccountKey, launchServer, stopChild, type LaunchedServer } from "@/bench/processes";

// The production server as a process, killed (SIGKILL, its Postgres too) in the middle of a load of
// single-example /train/ calls: after a restart, every example that was answered 200 is in n_seen,
// and nothing beyond what was sent. Needs the build (dist/server.js, .next): `npm run test:crash`
// runs it after `npm run build`; the unit run skips it.
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

describe.skipIf(!enabled)("a server killed during single-example training", () => {
  it("keeps every acknowledged example: n_seen after a restart counts them all, and no more than were sent", async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const first = await start();
    servers.push(first);
    const { username, secret } = await benchAccountKey(env(first.port), "loops");
    const headers = { "content-type": "application/json", "x-api-key": secret, "x-username": username };
    const send = (port: number, urlPath: string, body: unknown, loopId?: string) =>
      fetch(`http://127.0.0.1:${port}${urlPath}`, { method: "POST", headers: { ...headers, ...(loopId ? { "x-loop-id": loopId } : {}) }, body: JSON.stringify(body) });
    const defined = await send(first.port, "/definitions/", { name: "crash", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } });
    expect(defined.status).toBe(200);
    const loopId = ((await defined.json()) as { loop_id: string }).loop_id;

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

    const second = await start();
    servers.push(second);
    const predicted = await send(second.port, "/predict/", { data: { x: 1 } }, loopId);
    expect(predicted.status).toBe(200);
    const nSeen = ((await predicted.json()) as { predictions: { n_seen: number }[] }).predictions[0]!.n_seen;
    expect(refused).toBe(0);
    expect(nSeen).toBeGreaterThanOrEqual(acknowledged);
    expect(nSeen).toBeGreaterThanOrEqual(highestNSeen);
    expect(nSeen).toBeLessThanOrEqual(sent);
  }, 240_000);
});
