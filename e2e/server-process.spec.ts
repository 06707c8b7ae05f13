import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";

// The production server as a process: a second server started on a port that is taken must stop
// with an error, not stay up running background jobs.

test("a server whose port is taken exits non-zero and says why", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const port = new URL(baseURL!).port; // the test server holds it
  const dataDir = ".data/e2e-busy-port";
  rmSync(dataDir, { recursive: true, force: true });
  const child = spawn(process.execPath, ["dist/server.js"], {
    env: { ...process.env, PORT: port, HOST: "127.0.0.1", CRUCIBLE_DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
  expect(code, output).not.toBe(0);
  expect(output).toMatch(/cannot listen on 127\.0\.0\.1:\d+: the port is already in use/);
  rmSync(dataDir, { recursive: true, force: true });
});

test("SIGTERM drains: /healthz says draining, a blocked read answers pending at once, and the server exits 0", async () => {
  test.setTimeout(180_000);
  const dataDir = ".data/e2e-drain";
  rmSync(dataDir, { recursive: true, force: true });
  const port = String(await freePort());
  const env = { ...process.env, PORT: port, HOST: "127.0.0.1", CRUCIBLE_DATA_DIR: dataDir, DATABASE_URL: "", CRUCIBLE_DRAIN_DELAY_SECONDS: "3" };
  const child = spawn(process.execPath, ["dist/server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status, { timeout: 90_000 }).toBe(200);
    const cli = (args: string[]) => JSON.parse(execFileSync(process.execPath, ["dist/lib/admin/cli.js", ...args, "--json"], { env }).toString()) as Record<string, unknown>;
    cli(["create-user", "--email", "drain@example.test", "--password", "drain-password-long-enough", "--username", "drain"]);
    const key = String(cli(["create-key", "--email", "drain@example.test", "--scope", "tasks", "--name", "drain"]).secret);
    const headers = { "x-heat-api-key": key, "content-type": "application/json" };
    const created = await fetch(`${base}/v1/requests/free-text`, { method: "POST", headers, body: JSON.stringify({ instruction: "Say hello" }) });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };

    const startedAt = Date.now();
    const blocked = fetch(`${base}/v1/requests/${id}?block=60`, { headers }).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string }, at: Date.now() }));
    await new Promise((r) => setTimeout(r, 500));
    child.kill("SIGTERM");
    const read = await blocked;
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.status).toBe("pending");
    expect(read.at - startedAt).toBeLessThan(10_000);

    // Still serving during the delay, but saying it is draining.
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe("draining");

    expect(await exited, output).toBe(0);
    expect(output).toContain("draining");
  } finally {
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test("the icons are served from public/", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const svg = await request.get("/favicon.svg");
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain("<svg");
});
