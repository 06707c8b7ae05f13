/** Child processes the benchmarks start (servers, load generators, the peer), and their clean stop. */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export const children = new Set<ChildProcess>();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Stops a child we started (SIGTERM, then SIGKILL after 15 s) and forgets it. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(force);
  }
  children.delete(child);
}

/** A server the benchmarks started: its port, process and last lines of output (for error messages). */
export interface LaunchedServer { port: number; child: ChildProcess; log: string[] }

/** Ready when GET /healthz answers 200 (the app's servers: once the embedded Postgres is up and migrated). */
export function healthzAnswers(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status === 200, () => false);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `node <args(port)>` on a free loopback port and waits (up to 90 s) until `ready(port)`. A
 * free port can be taken between the probe and the listen (the embedded Postgres picks free ports
 * too): a server that reports EADDRINUSE is stopped and started again on another port, up to three
 * times.
 */
export async function launchServer(
  name: string,
  args: (port: number) => string[],
  env: (port: number) => NodeJS.ProcessEnv,
  ready: (port: number) => Promise<boolean> = healthzAnswers,
): Promise<LaunchedServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, args(port), { env: env(port), stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    const server: LaunchedServer = { port, child, log: [] };
    const keep = (chunk: Buffer) => {
      server.log.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      server.log.splice(0, server.log.length - 30);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    const deadline = Date.now() + 90_000;
    let portTaken = false;
    for (;;) {
      if (server.log.some((line) => line.includes("EADDRINUSE"))) {
        portTaken = true;
        break;
      }
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited before it was ready:\n${server.log.join("\n")}`);
      if (Date.now() > deadline) throw new Error(`${name} was not ready within 90 s:\n${server.log.join("\n")}`);
      if (await ready(port)) return server;
      await sleep(100);
    }
    await stopChild(child);
    if (!portTaken || attempt === 3) throw new Error(`${name} could not listen on a free port:\n${server.log.join("\n")}`);
  }
}

/** `node dist/lib/admin/cli.js <args> --json` with the server's environment (the same data folder). */
export function adminCli(env: NodeJS.ProcessEnv, args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ["dist/lib/admin/cli.js", ...args, "--json"], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      children.delete(child);
      if (error) reject(new Error(`admin ${args[0]} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as Record<string, unknown>);
    });
    children.add(child);
  });
}

/** A fresh account (unique per run: data folders persist) and an API key of `scope`, as an operator would script them. */
export async function benchAccountKey(env: NodeJS.ProcessEnv, scope: "loops" | "models" | "tasks"): Promise<{ username: string; secret: string }> {
  const username = `bench-${Date.now().toString(36)}`;
  const email = `${username}@bench.invalid`;
  await adminCli(env, ["create-user", "--email", email, "--password", `pw-${username}-long-enough`, "--username", username]);
  const key = await adminCli(env, ["create-key", "--email", email, "--scope", scope, "--name", "bench"]);
  return { username, secret: String(key.secret) };
}
