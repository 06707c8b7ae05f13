import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/db/embedded";
import { adminCli, freePort, healthzAnswers, stopChild } from "@/bench/processes";

// Three production servers on one Postgres behind Debian's nginx (round robin), as a team that
// outgrows one box runs them: every family's calls through nginx, a model uploaded through one server
// and served by the others, a task created, long-polled and answered on three different servers (with
// its webhook delivered exactly once), a rolling restart of all three under constant load without one failed
// request, and kill -9 of one server without losing an acknowledged example. Needs the build and
// nginx: `npm run test:crash` runs it after `npm run build`; the unit run skips it.
const NGINX = "/usr/sbin/nginx";
const enabled = process.env.CRUCIBLE_PROCESS_TESTS === "1" && existsSync("dist/server.js") && existsSync(".next/BUILD_ID") && existsSync(NGINX);

const root = path.resolve(`.data/test-replicas-${process.pid}`);
const secret = `replicas-${process.pid}-secret-long-enough`;
let database: EmbeddedServer | null = null;
let nginx: ChildProcess | null = null;
const servers = new Map<number, ChildProcess>();

afterAll(async () => {
  await Promise.all([...servers.values()].map((c) => stopChild(c)));
  if (nginx) await stopChild(nginx);
  await database?.stop();
  const errors = path.join(root, "nginx", "error.log");
  if (process.env.REPLICAS_KEEP_LOG && existsSync(errors)) console.log(readFileSync(errors, "utf8").split("\n").slice(-15).join("\n"));
  rmSync(root, { recursive: true, force: true });
});

const serverEnv = (port: number, i: number): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  HOST: "127.0.0.1",
  DATABASE_URL: database!.url,
  NEXTAUTH_SECRET: secret,
  CRUCIBLE_DATA_DIR: path.join(root, `server-${i}`),
  CRUCIBLE_TRUST_PROXY: "1",
  CRUCIBLE_OUTBOUND_ALLOW_PRIVATE: "1", // the webhook receiver below is on this machine
});

/** A browser's sign-in through next-auth's credentials form: the session cookie it gets. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const session = signedIn.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed: ${signedIn.status}`);
  return session.split(";")[0]!;
}

async function startServer(port: number, i: number): Promise<void> {
  const child = spawn(process.execPath, ["dist/server.js"], { env: serverEnv(port, i), stdio: "ignore" });
  servers.set(port, child);
  const deadline = Date.now() + 90_000;
  while (!(await healthzAnswers(port))) {
    if (child.exitCode !== null) throw new Error(`server ${i} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`server ${i} not ready`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function nginxConfig(listen: number, upstreams: number[]): string {
  const dir = path.join(root, "nginx");
  return `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  client_max_body_size 250m;
  upstream crucible { ${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=1s;`).join(" ")} }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://crucible;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A POST whose connection failed goes to the next server too: a draining server answers what it
      # read, so what fails is a connection it never read from (reset when its listener closed).
      proxy_next_upstream error timeout non_idempotent;
      proxy_read_timeout 120s;
    }
  }
}`;
}

describe.skipIf(!enabled)("three servers behind nginx", () => {
  it("serve every family, share models, restart one by one under load without a failed request, and survive kill -9", { timeout: 300_000 }, async () => {
    const testStarted = Date.now();
    rmSync(root, { recursive: true, force: true });
    mkdirSync(path.join(root, "nginx"), { recursive: true });
    database = await startEmbeddedPostgres(path.join(root, "pg"));
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    for (const [i, port] of ports.entries()) await startServer(port, i);
    const front = await freePort();
    writeFileSync(path.join(root, "nginx", "nginx.conf"), nginxConfig(front, ports));
    nginx = spawn(NGINX, ["-p", path.join(root, "nginx"), "-c", path.join(root, "nginx", "nginx.conf"), "-g", "daemon off;"], { stdio: "ignore" });
    await expect.poll(() => healthzAnswers(front), { timeout: 10_000 }).toBe(true);
    const base = `http://127.0.0.1:${front}`;

    // Accounts and keys, as an operator scripts them (admin command on the shared database).
    const env = serverEnv(ports[0]!, 0);
    await adminCli(env, ["create-user", "--email", "ops@replicas.test", "--password", "replicas-password-long", "--username", "ops"]);
    const keyOf = async (scope: string) => String((await adminCli(env, ["create-key", "--email", "ops@replicas.test", "--scope", scope, "--name", scope])).secret);
    const [loopsKey, modelsKey, tasksKey] = [await keyOf("loops"), await keyOf("models"), await keyOf("tasks")];

    // Loops through nginx: define, train, predict.
    const loopHeaders = { "content-type": "application/json", "x-api-key": loopsKey, "x-username": "ops" };
    const post = (p: string, body: unknown, extra: Record<string, string> = {}) => fetch(`${base}${p}`, { method: "POST", headers: { ...loopHeaders, ...extra }, body: JSON.stringify(body) });
    const defined = await post("/definitions/", { name: "replicas", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } });
    expect(defined.status).toBe(200);
    const loopId = ((await defined.json()) as { loop_id: string }).loop_id;
    expect((await post("/train/", { data: [{ x: 1, y: 3 }] }, { "x-loop-id": loopId })).status).toBe(200);
    const nSeen = async () => ((await (await post("/predict/", { data: { x: 1 } }, { "x-loop-id": loopId })).json()) as { predictions: { n_seen: number }[] }).predictions[0]!.n_seen;
    expect(await nSeen()).toBe(1);

    // Tasks through nginx: a test-key request completes.
    const task = await fetch(`${base}/v1/requests/free-text?block=10`, { method: "POST", headers: { "content-type": "application/json", "x-heat-api-key": tasksKey }, body: JSON.stringify({ instruction: "Say hi" }) });
    expect(task.status).toBe(200);

    // A task created through server 0, long-polled (?block=) on server 1 and answered on server 2: the
    // waiting read wakes up on the answer's NOTIFY; its completion webhook goes out exactly once although
    // all three servers run workers. The receiver is local, so the servers allow private targets.
    const hooks = new Map<string, number>();
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const id = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id: string }).id;
        hooks.set(id, (hooks.get(id) ?? 0) + 1);
        res.writeHead(200).end("ok");
      });
    });
    const hookPort = await freePort();
    await new Promise<void>((resolve) => receiver.listen(hookPort, "127.0.0.1", resolve));
    const cruncher = await adminCli(env, ["create-user", "--email", "crunch@replicas.test", "--password", "replicas-cruncher-long", "--username", "crunch", "--role", "cruncher"]);
    expect(cruncher.role).toBe("cruncher");
    const [on0, on1, on2] = ports.map((p) => `http://127.0.0.1:${p}`) as [string, string, string];
    // The cruncher joins the operator's workspace by invitation, then works in it (the dashboard's header).
    const invitation = await adminCli(env, ["invite", "--by", "ops@replicas.test", "--email", "crunch@replicas.test", "--role", "cruncher"]);
    const workerCookie = await signIn(on2, "crunch@replicas.test", "replicas-cruncher-long");
    const token = String(invitation.link).split("/invite/")[1]!;
    const accepted = await fetch(`${on2}/api/invitations/${token}/accept`, { method: "POST", headers: { cookie: workerCookie, "content-type": "application/json" }, body: "{}" });
    expect(accepted.status).toBe(200);
    const session = { cookie: workerCookie, "content-type": "application/json", "x-crucible-workspace": String(invitation.workspace) };
    const taskHeaders = { "content-type": "application/json", "x-heat-api-key": tasksKey };
    const wakeUps: number[] = [];
    const afterAck: number[] = [];
    const created: string[] = [];
    for (let i = 0; i < 12; i++) {
      const body = { instruction: `Replica question ${i}`, hook_url: `http://127.0.0.1:${hookPort}/hook` };
      const made = await fetch(`${on0}/v1/requests/free-text`, { method: "POST", headers: taskHeaders, body: JSON.stringify(body) });
      expect(made.status).toBe(200);
      const id = ((await made.json()) as { id: string }).id;
      created.push(id);
      let woke = 0;
      const polled = fetch(`${on1}/v1/requests/${id}?block=30`, { headers: taskHeaders }).then(async (r) => {
        woke = performance.now();
        return { status: r.status, body: (await r.json()) as { status: string; response: unknown } };
      });
      await new Promise((r) => setTimeout(r, 300)); // the read is waiting on server 1
      // The cruncher's next task on server 2 (an earlier, unanswered request comes first: answered too).
      for (;;) {
        const next = (await (await fetch(`${on2}/api/work/next`, { method: "POST", headers: session })).json()) as { task: { assignmentId: string; requestId: string } | null };
        expect(next.task).not.toBeNull();
        const sent = performance.now();
        const answered = await fetch(`${on2}/api/work/${next.task!.assignmentId}/answer`, { method: "POST", headers: session, body: JSON.stringify({ answer: `answer ${i}` }) });
        expect(answered.status).toBe(200);
        const acknowledged = performance.now();
        if (next.task!.requestId !== id) continue;
        const result = await polled;
        expect(result.status).toBe(200);
        expect(result.body.status).toBe("complete");
        wakeUps.push(woke - sent);
        afterAck.push(woke - acknowledged); // negative: the read answered before the answer's own reply arrived
        break;
      }
    }
    await expect.poll(() => created.filter((id) => hooks.has(id)).length, { timeout: 30_000 }).toBe(created.length);
    await new Promise((r) => setTimeout(r, 2000)); // time for a duplicate to arrive, if one were sent
    expect(created.map((id) => hooks.get(id))).toEqual(created.map(() => 1));
    expect([...hooks.keys()].sort()).toEqual([...created].sort());
    receiver.close();
    const pct = (values: number[], q: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(0);
    };
    console.log(
      `replicas: task created on server 0, long-polled on 1, answered on 2 (${wakeUps.length} tasks): the read answered p50 ${pct(wakeUps, 0.5)} ms, p95 ${pct(wakeUps, 0.95)} ms ` +
        `after the answer was sent (p50 ${pct(afterAck, 0.5)} ms, p95 ${pct(afterAck, 0.95)} ms after its reply); webhooks: ${created.length} sent, each delivered exactly once`,
    );

    // A model uploaded through server 0 alone, then served through nginx by all three.
    const models = { "x-api-key": modelsKey };
    const direct = `http://127.0.0.1:${ports[0]}`;
    const model = (await (await fetch(`${direct}/model/add`, { method: "POST", headers: { ...models, "content-type": "application/json" }, body: JSON.stringify({ modelname: "shared", modelkind: "regression" }) })).json()) as { modelid: string };
    const form = new FormData();
    form.append("file", new Blob([readFileSync("lib/models/fixtures/models/linear_regression.p4.pkl")]), "model.pkl");
    form.append("file_kind", "model");
    expect((await fetch(`${direct}/model/${model.modelid}/upload`, { method: "POST", headers: models, body: form })).status).toBe(201);
    const deployBody = { modelid: model.modelid, ownerid: "ops", placement: { clusterID: "*", node: "*", continuum: false }, deployment_id: "dep-shared", inference_data: 0 };
    expect((await fetch(`${direct}/deployment/add`, { method: "POST", headers: { ...models, "content-type": "application/json" }, body: JSON.stringify(deployBody) })).status).toBe(201);
    const predictShared = (to: string) => fetch(`${to}/deployment/dep-shared/predict`, { method: "POST", headers: { ...models, "content-type": "application/json" }, body: JSON.stringify({ data: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }) });
    for (const port of ports) await expect.poll(async () => (await predictShared(`http://127.0.0.1:${port}`)).status, { timeout: 20_000 }).toBe(200);

    // Constant load through nginx while each server in turn drains and restarts.
    let failed = 0;
    const failures: string[] = [];
    let answered = 0;
    let trained = 0;
    let running = true;
    const client = async (c: number) => {
      for (let i = 0; running; i++) {
        const train = i % 2 === 0;
        try {
          const res = train ? await post("/train/", { data: { x: c, y: 2 * c } }, { "x-loop-id": loopId }) : await post("/predict/", { data: { x: c } }, { "x-loop-id": loopId });
          const text = await res.text();
          if (res.status === 200) {
            answered++;
            if (train) trained++;
          } else {
            failed++;
            failures.push(`${train ? "train" : "predict"} ${res.status} ${text.slice(0, 120)}`);
          }
        } catch (error) {
          failed++;
          failures.push(`${train ? "train" : "predict"} ${String((error as Error).cause ?? error)}`);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
    const restartStarted = Date.now();
    for (const [i, port] of ports.entries()) {
      await new Promise((r) => setTimeout(r, 1000));
      await stopChild(servers.get(port)!); // SIGTERM: drain, then exit
      await startServer(port, i);
    }
    await new Promise((r) => setTimeout(r, 1000));
    running = false;
    await load;
    const restartSeconds = (Date.now() - restartStarted) / 1000;
    expect(failures).toEqual([]);
    expect(failed).toBe(0);
    // Each server's cached model follows the others' commits within a second (NOTIFY).
    await expect.poll(nSeen, { timeout: 3000 }).toBe(1 + trained);

    // kill -9 of one server during training: every acknowledged example is kept.
    const before = await nSeen();
    let acknowledged = 0;
    running = true;
    const trainer = async (c: number) => {
      while (running) {
        try {
          const res = await post("/train/", { data: { x: c, y: 2 * c } }, { "x-loop-id": loopId });
          await res.arrayBuffer();
          if (res.status === 200) acknowledged++;
        } catch {
          // a request the killed server held: not acknowledged
        }
      }
    };
    const trainers = Promise.all(Array.from({ length: 8 }, (_, c) => trainer(c)));
    await new Promise((r) => setTimeout(r, 1000));
    servers.get(ports[1]!)!.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    await trainers;
    await expect.poll(async () => (await nSeen()) - before, { timeout: 3000 }).toBeGreaterThanOrEqual(acknowledged);
    await new Promise((r) => setTimeout(r, 1000));
    const after = await nSeen();
    expect(after - before).toBeLessThanOrEqual(acknowledged + 8); // at most the requests in flight at the kill
    console.log(
      `replicas: rolling restart of 3 servers in ${restartSeconds.toFixed(1)} s under load: ${answered} answered, ${failed} failed (${trained} trained, n_seen exact); ` +
        `kill -9 of one: ${acknowledged} acknowledged, ${after - before} learned; whole test ${((Date.now() - testStarted) / 1000).toFixed(0)} s`,
    );
  });
});
