import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainingLimits } from "./config";
import { probeIsolation } from "./isolation";
import { runInSandbox, type SandboxInput } from "./sandbox";

const TESTDATA = path.resolve(import.meta.dirname, "testdata");
const file = (name: string) => ({ name, bytes: readFileSync(path.join(TESTDATA, name)) });
const script = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });

function run(overrides: Partial<SandboxInput> & Pick<SandboxInput, "script">) {
  return runInSandbox({
    python: "/usr/bin/python3",
    data: file("diabetes.csv"),
    limits: { ...trainingLimits(), wallSeconds: 30 },
    maxModelBytes: 10 * 1024 * 1024,
    ...overrides,
  });
}

// A server any ordinary process on this machine can reach: the sandboxed script must not.
let server: http.Server;
let target: string;
let requestsSeen = 0;
beforeAll(async () => {
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

  it("gives the script a clean environment, a directory holding only the data file, and (as root) the nobody user", async () => {
    process.env.CRUCIBLE_SECRET_PROBE = "must not leak";
    const result = await run({
      script: script(
        "inspect.py",
        `import os, json
print(json.dumps({"cwd": os.getcwd(), "files": sorted(os.listdir(".")), "uid": os.getuid(), "env": sorted(os.environ), "data": os.environ["CRUCIBLE_DATA"]}))`,
      ),
    });
    delete process.env.CRUCIBLE_SECRET_PROBE;
    const seen = JSON.parse(result.output.trim().split("\n").at(-1)!);
    expect(seen.files).toEqual(["diabetes.csv"]);
    expect(seen.data).toBe(path.join(seen.cwd, "diabetes.csv"));
    expect(seen.env).not.toContain("CRUCIBLE_SECRET_PROBE");
    expect(seen.env).not.toContain("DATABASE_URL");
    if (process.getuid?.() === 0 && result.isolation.dropPrefix.length) expect(seen.uid).toBe(65534);
    expect(result.model).toEqual({ ok: false, problem: "missing" });
  });

  it("kills a script that loops forever at the wall-clock limit", async () => {
    const started = Date.now();
    const result = await run({ script: file("loop_forever.py"), limits: { ...trainingLimits(), wallSeconds: 2 } });
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.model.ok).toBe(false);
  });

  it("stops a script at its CPU-time limit", async () => {
    const result = await run({ script: script("spin.py", "while True:\n    pass\n"), limits: { ...trainingLimits(), cpuSeconds: 1, wallSeconds: 20 } });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode === 0).toBe(false);
    // SIGXCPU from the kernel: seen directly, or through the namespace's init as exit status 128 + 24.
    expect(result.signal === "SIGXCPU" || result.exitCode === 152).toBe(true);
  });

  it("has no network: a script that opens a connection fails and nothing reaches the server", async () => {
    const text = readFileSync(path.join(TESTDATA, "open_network.py"), "utf8").replace("__TARGET__", target);
    const result = await run({ script: script("open_network.py", text) });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(/OSError|Network is unreachable|network access is disabled/);
    expect(result.output).not.toContain("connected:");
    expect(requestsSeen).toBe(0);
    expect(result.model.ok).toBe(false);
  });

  it("falls back to blocking sockets inside Python when no namespace can be made, and says so", async () => {
    const isolation = probeIsolation({ namespaces: false });
    expect(isolation.network).toBe("python");
    expect(isolation.description).toMatch(/no network namespace could be created/);
    const text = readFileSync(path.join(TESTDATA, "open_network.py"), "utf8").replace("__TARGET__", target);
    const result = await run({ script: script("open_network.py", text), isolation });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain("network access is disabled in Crucible's training sandbox");
    expect(requestsSeen).toBe(0);
  });

  it("refuses a model.pkl that is a symbolic link to a file outside the sandbox", async () => {
    const result = await run({
      script: script("link.py", `import os\nos.symlink("/etc/passwd", os.path.join(os.environ["CRUCIBLE_OUTPUT"], "model.pkl"))\n`),
    });
    expect(result.exitCode).toBe(0);
    expect(result.model).toEqual({ ok: false, problem: "a symbolic link, not a file" });
  });
});
