import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainingLimits } from "./config";
import { probeSandbox, sandboxSetup, type SandboxSetup } from "./isolation";
import { runInSandbox, type SandboxInput } from "./sandbox";

const TESTDATA = path.resolve(import.meta.dirname, "testdata");
const file = (name: string) => ({ name, bytes: readFileSync(path.join(TESTDATA, name)) });
const script = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });

let sandbox: Extract<SandboxSetup, { ok: true }>;

function run(overrides: Partial<SandboxInput> & Pick<SandboxInput, "script">) {
  return runInSandbox({
    python: "/usr/bin/python3",
    data: file("diabetes.csv"),
    limits: { ...trainingLimits(), wallSeconds: 30 },
    maxModelBytes: 10 * 1024 * 1024,
    sandbox,
    ...overrides,
  });
}

const lastJson = (output: string) => JSON.parse(output.trim().split("\n").at(-1)!);

// A server any ordinary process on this machine can reach: the sandboxed script must not.
let server: http.Server;
let target: string;
let requestsSeen = 0;
beforeAll(async () => {
  const setup = await sandboxSetup();
  if (!setup.ok) throw new Error(setup.reason); // the tests need bubblewrap, as production does
  sandbox = setup;
  server = http.createServer((_req, res) => {
    requestsSeen++;
    res.end("hello");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  target = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("training sandbox", () => {
  it("runs the diabetes retraining script: data in the working directory, model.pkl and metrics.json out", async () => {
    const result = await run({ script: file("retrain_ridge.py") });
    expect(result.output).toContain("442 rows");
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, model: { ok: true } });
    expect(JSON.parse(result.metricsJson!).r2).toBeGreaterThan(0.4);
  });

  it("shows the script only the system folders, its job's folders and a private /tmp, as uid 65534 with a clean environment", async () => {
    process.env.CRUCIBLE_SECRET_PROBE = "must not leak";
    const result = await run({
      script: script(
        "inspect.py",
        `import os, json
def writable(p):
    try:
        open(p, "w").close()
        return True
    except OSError:
        return False
print(json.dumps({"cwd": os.getcwd(), "files": sorted(os.listdir(".")), "uid": os.getuid(), "gid": os.getgid(), "env": dict(os.environ),
  "root": sorted(os.listdir("/")), "etc": sorted(os.listdir("/etc")), "job": sorted(os.listdir("/job")), "tmp": sorted(os.listdir("/tmp")),
  "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()), "hostname": os.uname().nodename,
  "writable": {p: writable(p) for p in ["/tmp/x", "/dev/shm/x", "/job/work/x", "/job/output/x", "/x", "/job/code/x", "/usr/x", "/dev/x"]}}))`,
      ),
    });
    delete process.env.CRUCIBLE_SECRET_PROBE;
    expect(result.exitCode).toBe(0);
    const seen = lastJson(result.output);
    expect(seen).toMatchObject({ cwd: "/job/work", files: ["diabetes.csv"], uid: 65534, gid: 65534, job: ["code", "output", "work"], tmp: [], hostname: "crucible-sandbox" });
    expect(seen.env.CRUCIBLE_DATA).toBe("/job/work/diabetes.csv");
    expect(seen.env.CRUCIBLE_OUTPUT).toBe("/job/output");
    expect(seen.env.PWD).toBe("/job/work"); // set by bubblewrap's --chdir
    expect(Object.keys(seen.env).sort()).toEqual(
      ["CRUCIBLE_DATA", "CRUCIBLE_OUTPUT", "HOME", "LANG", "MKL_NUM_THREADS", "MPLBACKEND", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "PATH", "PWD", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "TMPDIR"].sort(),
    );
    expect(seen.root.filter((name: string) => !["bin", "sbin", "lib", "lib32", "lib64", "libx32"].includes(name))).toEqual(["dev", "etc", "job", "proc", "tmp", "usr"]);
    expect(seen.etc).toEqual(["alternatives", "ld.so.cache"]);
    expect(seen.pids).toEqual([1, 2]); // bubblewrap's reaper and the script: no process of the host
    expect(seen.writable).toEqual({ "/tmp/x": true, "/dev/shm/x": true, "/job/work/x": true, "/job/output/x": true, "/x": false, "/job/code/x": false, "/usr/x": false, "/dev/x": false });
    expect(result.model).toEqual({ ok: false, problem: "missing" });
  });

  it("kills the whole process tree at the wall-clock limit, even a child that started its own session", async () => {
    const marker = `crucible-orphan-${randomUUID()}`;
    const started = Date.now();
    const result = await run({
      script: script("escape.py", `import os, subprocess, time\nsubprocess.Popen(["/bin/sh", "-c", "sleep 300; echo ${marker}"], start_new_session=True)\nwhile True:\n    time.sleep(0.1)\n`),
      limits: { ...trainingLimits(), wallSeconds: 2 },
    });
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.model.ok).toBe(false);
    const survivors = readdirSync("/proc").filter((pid) => {
      try {
        return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(marker);
      } catch {
        return false;
      }
    });
    expect(survivors).toEqual([]);
  });

  it("stops a script at its CPU-time limit", async () => {
    const result = await run({ script: script("spin.py", "while True:\n    pass\n"), limits: { ...trainingLimits(), cpuSeconds: 1, wallSeconds: 20 } });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode === 0).toBe(false);
    // SIGXCPU from the kernel, reported by bubblewrap as exit status 128 + 24.
    expect(result.signal === "SIGXCPU" || result.exitCode === 152).toBe(true);
  });

  it("has no network: a connection to a server on the host's 127.0.0.1 is refused and nothing reaches it", async () => {
    const text = readFileSync(path.join(TESTDATA, "open_network.py"), "utf8").replace("__TARGET__", target);
    const result = await run({ script: script("open_network.py", text) });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain("ConnectionRefusedError");
    expect(result.output).not.toContain("connected:");
    expect(requestsSeen).toBe(0);
    expect(result.model.ok).toBe(false);
  });

  it("refuses a model.pkl that is a symbolic link or a FIFO", async () => {
    const link = await run({
      script: script("link.py", `import os\nos.symlink("/etc/passwd", os.path.join(os.environ["CRUCIBLE_OUTPUT"], "model.pkl"))\n`),
    });
    expect(link.exitCode).toBe(0);
    expect(link.model).toEqual({ ok: false, problem: "a symbolic link, not a file" });
    const fifo = await run({ script: script("fifo.py", `import os\nos.mkfifo(os.path.join(os.environ["CRUCIBLE_OUTPUT"], "model.pkl"))\n`) });
    expect(fifo.exitCode).toBe(0);
    expect(fifo.model).toEqual({ ok: false, problem: "not a regular file" });
  });
});

describe("the sandbox probe", () => {
  it("verifies the sandbox from inside and describes it", () => {
    expect(sandbox.description).toMatch(/^bubblewrap \S+ at .*bwrap, verified: own mount, pid and network namespaces \(only lo\), host files hidden; uid 65534 inside/);
    expect(sandbox.outerUid).toBe(process.getuid?.() === 0 ? 65534 : process.getuid?.());
  });

  it("refuses when bubblewrap is missing, saying how to install it", async () => {
    const setup = await probeSandbox({ bwrap: "/nonexistent/bwrap" });
    expect(setup).toEqual({ ok: false, reason: expect.stringContaining("bubblewrap was not found at /nonexistent/bwrap. On Debian or Ubuntu: apt-get install -y bubblewrap") });
  });

  /** Probes with a shell script standing in for bwrap. */
  async function probeWithFake(script: string) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fake-bwrap-"));
    try {
      const fake = path.join(dir, "bwrap");
      writeFileSync(fake, `#!/bin/sh\n${script}\n`);
      chmodSync(fake, 0o755);
      chmodSync(dir, 0o755); // the probe runs it as nobody when the tests run as root
      return await probeSandbox({ bwrap: fake });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("refuses a bwrap that runs but does not isolate (here: one that keeps the host's network)", async () => {
    // The real bwrap, unsharing everything but the network: the probe must notice from inside.
    const setup = await probeWithFake(
      `for a in "$@"; do shift; [ "$a" = --unshare-all ] || set -- "$@" "$a"; done\nexec ${sandbox.tools.bwrap} --unshare-pid --unshare-uts --unshare-ipc "$@"`,
    );
    expect(setup.ok).toBe(false);
    expect(!setup.ok && setup.reason).toMatch(/is not isolated as required: network interfaces visible: lo \S/);
  });

  it("refuses a bubblewrap older than 0.8", async () => {
    const setup = await probeWithFake(`echo "bubblewrap 0.6.1"`);
    expect(setup).toEqual({ ok: false, reason: expect.stringMatching(/is bubblewrap 0\.6\.1; the sandbox needs bubblewrap 0\.8 or newer .*apt-get install -y bubblewrap$/) });
  });
});
