import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
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
