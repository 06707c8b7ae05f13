import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TrainingLimits } from "./config";
import { sandboxIsolation, NOBODY_UID, type Isolation } from "./isolation";
import { BoundedOutput } from "./output-buffer";

/*
 * The training script contract (also in README "Retraining and drift"):
 *
 *   python3 <your code file>          run by /usr/bin/python3 (Debian's, with python3-sklearn)
 *   cwd                               a fresh temporary directory holding only the data file
 *   CRUCIBLE_DATA                     absolute path of the model's data file (its uploaded name)
 *   CRUCIBLE_OUTPUT                   a directory: write model.pkl there (pickle or joblib of the
 *                                     fitted estimator), and optionally metrics.json
 *                                     {"<metric>": <number>, …} computed on a held-out split
 *   exit status 0                     success; anything else fails the job
 *
 * No network (a network namespace where the platform allows it), CPU-time and address-space limits,
 * a wall-clock limit that kills the whole process tree, and a clean environment (no secrets of the
 * app). Only stdout and stderr come back, bounded, into the job log.
 */

export interface SandboxInput {
  python: string;
  script: { name: string; bytes: Buffer };
  data: { name: string; bytes: Buffer };
  limits: TrainingLimits;
  /** Largest model.pkl read back. */
  maxModelBytes: number;
  /** Defaults to the strongest isolation this machine supports (probed once). */
  isolation?: Isolation;
  /** Every chunk of output as it arrives (for a live log). */
  onOutput?: (text: string) => void;
}

export interface SandboxResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  output: string;
  isolation: Isolation;
  /** model.pkl: its bytes, or why it could not be read (missing, not a regular file, too large). */
  model: { ok: true; bytes: Buffer } | { ok: false; problem: string };
  metricsJson: string | null;
}

const MAX_METRICS_BYTES = 64 * 1024;
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** A file name safe to create: the upload's base name with anything unusual replaced. */
export function safeFileName(name: string, fallback: string): string {
  const base = path.basename(name).replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "");
  return base.slice(0, 100) || fallback;
}

// Without a network namespace: every socket the script's Python opens fails.
const SOCKET_BLOCK = `import socket
def _blocked(*args, **kwargs):
    raise OSError("network access is disabled in Crucible's training sandbox")
class _BlockedSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _blocked()
socket.socket = _BlockedSocket
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
`;

function limitPrefix(isolation: Isolation, limits: TrainingLimits): string[] {
  const cpu = limits.cpuSeconds;
  if (isolation.prlimit) {
    // Soft CPU limit first (SIGXCPU, which we report as the CPU limit), hard one second later.
    const nproc = isolation.dropPrefix.length ? ["--nproc=256"] : [];
    return [isolation.prlimit, `--cpu=${cpu}:${cpu + 1}`, `--as=${limits.memoryBytes}`, `--fsize=${MAX_FILE_BYTES}`, "--core=0", "--nofile=256", ...nproc, "--"];
  }
  const kib = Math.floor(limits.memoryBytes / 1024);
  return ["/bin/sh", "-c", `ulimit -t ${cpu} && ulimit -v ${kib} && ulimit -c 0 && exec "$@"`, "sh"];
}

/** Reads a file the script wrote without following links it may have planted, up to `max` bytes. */
async function readOutputFile(file: string, max: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: string }> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === "ENOENT" ? "missing" : code === "ELOOP" ? "a symbolic link, not a file" : `unreadable (${code})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, problem: "not a regular file" };
    if (info.size > max) return { ok: false, problem: `larger than ${max} bytes` };
    return { ok: true, bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

/** Runs the script once under the platform's isolation and returns its output files and log. */
export async function runInSandbox(input: SandboxInput): Promise<SandboxResult> {
  const isolation = input.isolation ?? sandboxIsolation();
  const root = await mkdtemp(path.join(os.tmpdir(), "crucible-train-"));
  try {
    const dirs = { code: path.join(root, "code"), work: path.join(root, "work"), out: path.join(root, "out"), site: path.join(root, "site") };
    await chmod(root, 0o711); // nobody may pass through to its own directories, not list the others
    await mkdir(dirs.code, { mode: 0o755 });
    await mkdir(dirs.work, { mode: 0o700 });
    await mkdir(dirs.out, { mode: 0o700 });
    const scriptPath = path.join(dirs.code, safeFileName(input.script.name, "train.py"));
    const dataPath = path.join(dirs.work, safeFileName(input.data.name, "data.csv"));
    await writeFile(scriptPath, input.script.bytes, { mode: 0o644 });
    await writeFile(dataPath, input.data.bytes, { mode: 0o644 });
    if (isolation.dropPrefix.length) for (const dir of [dirs.work, dirs.out, dataPath]) await chown(dir, NOBODY_UID, NOBODY_UID);

    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "production",
      PATH: "/usr/local/bin:/usr/bin:/bin",
      HOME: dirs.work,
      TMPDIR: dirs.work,
      LANG: "C.UTF-8",
      PYTHONUNBUFFERED: "1",
      PYTHONDONTWRITEBYTECODE: "1",
      // One BLAS thread: predictable CPU accounting, and no per-thread buffers eating the memory limit.
      OPENBLAS_NUM_THREADS: "1",
      OMP_NUM_THREADS: "1",
      MKL_NUM_THREADS: "1",
      MPLBACKEND: "Agg",
      CRUCIBLE_DATA: dataPath,
      CRUCIBLE_OUTPUT: dirs.out,
    };
    if (isolation.network === "python") {
      await mkdir(dirs.site, { mode: 0o755 });
      await writeFile(path.join(dirs.site, "sitecustomize.py"), SOCKET_BLOCK, { mode: 0o644 });
      Object.assign(env, { PYTHONPATH: dirs.site, http_proxy: "http://127.0.0.1:9", https_proxy: "http://127.0.0.1:9", no_proxy: "" });
    }

    const command = [...isolation.namespacePrefix, ...limitPrefix(isolation, input.limits), ...isolation.dropPrefix, input.python, scriptPath];
    const output = new BoundedOutput(input.limits.outputChars);
    const started = performance.now();
    const status = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean; spawnError?: string }>((resolve) => {
      const child = spawn(command[0]!, command.slice(1), { cwd: dirs.work, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      let timedOut = false;
      let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
      // detached: the child leads its own process group, so one kill reaches everything it started.
      const killGroup = () => {
        try {
          if (child.pid) process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      };
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup();
      }, input.limits.wallSeconds * 1000);
      const collect = (text: string) => {
        output.append(text);
        input.onOutput?.(text);
      };
      // Decoded per stream, so a character split across two reads is not garbled.
      child.stdout.setEncoding("utf8").on("data", collect);
      child.stderr.setEncoding("utf8").on("data", collect);
      child.on("error", (error) => {
        clearTimeout(timer);
        resolve({ code: null, signal: null, timedOut: false, spawnError: error.message });
      });
      child.on("exit", (code, signal) => {
        exit = { code, signal };
        clearTimeout(timer);
        killGroup(); // stragglers that outlived the script
      });
      child.on("close", () => resolve({ ...(exit ?? { code: null, signal: null }), timedOut }));
    });
    if (status.spawnError) output.append(`\n[crucible] could not start ${command[0]}: ${status.spawnError}\n`);

    const model = await readOutputFile(path.join(dirs.out, "model.pkl"), input.maxModelBytes);
    const metrics = await readOutputFile(path.join(dirs.out, "metrics.json"), MAX_METRICS_BYTES);
    return {
      exitCode: status.code,
      signal: status.signal,
      timedOut: status.timedOut,
      durationMs: Math.round(performance.now() - started),
      output: output.toString(),
      isolation,
      model,
      metricsJson: metrics.ok ? metrics.bytes.toString("utf8") : null,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
