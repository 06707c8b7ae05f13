import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { ensureDataDirectory } from "@/lib/private-files";
import { modelCreateSchema } from "../schemas";
import { createModel, listVersions } from "../store";
import { storeUpload } from "../uploads";
import { runTrainingJob } from "./run-job";
import { createTrainingJob } from "./store";

// A hostile script run by the real job runner (database rows, blob store, sandbox): it must not
// reach another account's data, the data folder, the host's processes, the database or the network,
// and the job's log must show each attempt failing.

const DATA_DIR = path.resolve(".data", `test-escape-${randomUUID().slice(0, 8)}`);
process.env.CRUCIBLE_DATA_DIR = DATA_DIR;
// The disk store: the victim's bytes then sit in a file any host process could open, the harder case
// (with the default Postgres store they are in the database, which the sandbox cannot reach either).
process.env.CRUCIBLE_BLOB_STORE = "disk";
const TESTDATA = path.resolve(import.meta.dirname, "testdata");
const db = getDb();
const SECRET = `victim-secret-${randomUUID()}`;

let server: http.Server;
let serverPort: number;
let requestsSeen = 0;
beforeAll(async () => {
  await ensureDataDirectory(DATA_DIR);
  server = http.createServer((_req, res) => {
    requestsSeen++;
    res.end("reachable");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverPort = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(DATA_DIR, { recursive: true, force: true });
});

async function modelWith(workspaceId: string, files: { kind: "code" | "data"; name: string; text: string }[]) {
  const model = await createModel(db, workspaceId, modelCreateSchema.parse({ modelname: "escape", modelkind: "Regressor" }));
  const shas: string[] = [];
  for (const file of files) {
    const stored = await storeUpload(db, workspaceId, model.id, { filename: file.name, contentType: "text/plain", bytes: Buffer.from(file.text), fileKind: file.kind });
    if (!stored.ok) throw new Error(stored.message);
    shas.push(stored.file.sha256);
  }
  return { modelId: model.id, shas };
}

async function runJob(workspaceId: string, modelId: string) {
  const created = await createTrainingJob(db, workspaceId, { modelId, placement: { clusterID: "*", node: "*", continuum: false }, trigger: "api" });
  if (!created.ok) throw new Error(created.reason);
  return (await runTrainingJob(db, { jobId: created.job.id, workspaceId }))!;
}

describe("a hostile training script", () => {
  it("cannot read another account's blob or the data folder, see the host's init, or reach the database or the network", { timeout: 60_000 }, async () => {
    const victim = await makeAccount();
    const { shas } = await modelWith(victim.id, [{ kind: "data", name: "private.csv", text: `name,value\n${SECRET},1\n` }]);
    const victimBlob = path.join(DATA_DIR, "blobs", shas[0]!.slice(0, 2), shas[0]!.slice(2, 4), shas[0]!);
    expect(readFileSync(victimBlob, "utf8")).toContain(SECRET); // there, for any process of the host

    const databasePort = new URL(process.env.DATABASE_URL!).port;
    const script = readFileSync(path.join(TESTDATA, "escape_attempts.py"), "utf8")
      .replace("__VICTIM_BLOB__", victimBlob)
      .replace("__DATA_DIR__", DATA_DIR)
      .replace("__DATABASE_PORT__", databasePort)
      .replace("__LOCAL_SERVER_PORT__", String(serverPort));
    process.env.CRUCIBLE_SECRET_PROBE = "must not leak";
    const attacker = await makeAccount();
    const { modelId } = await modelWith(attacker.id, [
      { kind: "data", name: "diabetes.csv", text: readFileSync(path.join(TESTDATA, "diabetes.csv"), "utf8") },
      { kind: "code", name: "escape_attempts.py", text: script },
    ]);
    const job = await runJob(attacker.id, modelId);
    delete process.env.CRUCIBLE_SECRET_PROBE;

    const log = job.log;
    expect(log).toMatch(/sandbox: bubblewrap \S+ at \S+, verified: /);
    const blocked = (name: string) => new RegExp(`^ATTEMPT ${name}: blocked \\((.*)\\)$`, "m").exec(log)?.[1];
    expect(blocked("victim-blob")).toMatch(/^FileNotFoundError: /);
    expect(blocked("data-dir-list")).toMatch(/^FileNotFoundError: /);
    expect(blocked("data-dir-blobs")).toMatch(/^FileNotFoundError: /);
    expect(blocked("host-init-environ")).toMatch(/^PermissionError: pid 1 is the sandbox's own \S*bwrap; its environment: (0 variables|unreadable)/);
    expect(readFileSync("/proc/1/cmdline", "utf8").split("\0")[0]).not.toMatch(/bwrap$/); // the host's init is something else
    expect(blocked("database")).toMatch(/^ConnectionRefusedError: /); // the sandbox's own loopback: nothing listens
    expect(blocked("local-server")).toMatch(/^ConnectionRefusedError: /);
    expect(blocked("internet-address")).toMatch(/^OSError: \[Errno 101\] Network is unreachable/);
    expect(blocked("internet-name")).toMatch(/^gaierror: /);
    expect(log).not.toContain("SUCCEEDED");
    expect(log).toMatch(/visible root: \[.*'job'.*\]/);
    for (const leak of [SECRET, "must not leak", process.env.DATABASE_URL!, "DATABASE_URL"]) expect(log).not.toContain(leak);
    expect(requestsSeen).toBe(0);
    expect(job).toMatchObject({ status: "failed", resultVersion: null, reason: "The script did not write model.pkl to CRUCIBLE_OUTPUT (missing)" });
  });

  it("is never run when bubblewrap cannot run: the job fails with what is missing and how to install it", { timeout: 60_000 }, async () => {
    const account = await makeAccount();
    const marker = path.join(DATA_DIR, `ran-${randomUUID()}`);
    const { modelId } = await modelWith(account.id, [
      { kind: "data", name: "diabetes.csv", text: readFileSync(path.join(TESTDATA, "diabetes.csv"), "utf8") },
      { kind: "code", name: "train.py", text: `open(${JSON.stringify(marker)}, "w").write("ran")\n` },
    ]);
    process.env.CRUCIBLE_BWRAP = "/nonexistent/bwrap";
    try {
      const job = await runJob(account.id, modelId);
      expect(job.status).toBe("failed");
      expect(job.reason).toBe("Training refuses to run without its sandbox: bubblewrap was not found at /nonexistent/bwrap. On Debian or Ubuntu: apt-get install -y bubblewrap");
      expect(job.log).toContain("sandbox: unavailable, the script does not run");
      expect(job.log).toContain(`failed: ${job.reason}`);
    } finally {
      delete process.env.CRUCIBLE_BWRAP;
    }
    expect(existsSync(marker)).toBe(false);
    expect(await listVersions(db, account.id, modelId)).toEqual([]);
  });
});
