import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { LAUNCH_ENVIRONMENT, NOBODY, SANDBOX_PATHS, sandboxCommand } from "./bubblewrap";
import type { TrainingLimits } from "./config";
import type { SandboxSetup } from "./isolation";
import { createJobDirectory, writeJobFile } from "./job-directory";
import { BoundedOutput } from "./output-buffer";

/*
 * The training script contract (also in README "Retraining and drift"):
 *
 *   python3 /job/code/<your code file>  run by /usr/bin/python3 (Debian's, with python3-sklearn)
 *   cwd /job/work                       holds only the data file (writable)
 *   CRUCIBLE_DATA                       /job/work/<the data file's uploaded name>
 *   CRUCIBLE_OUTPUT                     /job/output: write model.pkl there (pickle or joblib of the
 *                                       fitted estimator), and optionally metrics.json
 *                                       {"<metric>": <number>, …} computed on a held-out split
 *   exit status 0                       success; anything else fails the job
 *
 * The script runs in the bubblewrap sandbox of ./bubblewrap.ts: it sees /usr, the job's folders,
 * a private /tmp and nothing else of the host; no network; uid 65534; CPU-time, address-space,
 * file-size and open-file limits; a wall-clock limit that kills the whole process tree; a clean
 * environment. Only stdout and stderr come back, bounded, into the job log.
 */

export interface SandboxInput {
  python: string;
  script: { name: string; bytes: Buffer };
  data: { name: string; bytes: Buffer };
  limits: TrainingLimits;
  /** Largest model.pkl read back. */
  maxModelBytes: number;
  /** The verified sandbox (from sandboxSetup()). */
  sandbox: Extract<SandboxSetup, { ok: true }>;
  /** Every chunk of output as it arrives (for a live log). */
  onOutput?: (text: string) => void;
}

export interface SandboxResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  output: string;
  /** model.pkl: its bytes, or why it could not be read (missing, not a regular file, too large). */
  model: { ok: true; bytes: Buffer } | { ok: false; problem: string };
  metricsJson: string | null;
}

const MAX_METRICS_BYTES = 64 * 1024;

/** A file name safe to create: the upload's base name with anything unusual replaced. */
export function safeFileName(name: string, fallback: string): string {
  const base = path.basename(name).replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "");
  return base.slice(0, 100) || fallback;
}

/** The script's whole environment: nothing of the app's. */
function scriptEnvironment(dataName: string): Record<string, string> {
  return {
    PATH: "/usr/bin:/bin",
    HOME: SANDBOX_PATHS.work,
    TMPDIR: "/tmp",
    LANG: "C.UTF-8",
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    // One BLAS thread: predictable CPU accounting, and no per-thread buffers eating the memory limit.
    OPENBLAS_NUM_THREADS: "1",
    OMP_NUM_THREADS: "1",
    MKL_NUM_THREADS: "1",
    MPLBACKEND: "Agg",
    CRUCIBLE_DATA: `${SANDBOX_PATHS.work}/${dataName}`,
    CRUCIBLE_OUTPUT: SANDBOX_PATHS.output,
  };
}

/** Reads a file the script wrote without following links it may have planted (nor waiting on a FIFO), up to `max` bytes. */
async function readOutputFile(file: string, max: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: string }> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
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

/** Runs the script once in the sandbox and returns its output files and log. */
export async function runInSandbox(input: SandboxInput): Promise<SandboxResult> {
  const owner = input.sandbox.tools.setpriv ? NOBODY : null;
  const job = await createJobDirectory(owner);
  try {
    const scriptName = safeFileName(input.script.name, "train.py");
    const dataName = safeFileName(input.data.name, "data.csv");
    await writeJobFile(job.code, scriptName, input.script.bytes, owner);
    await writeJobFile(job.work, dataName, input.data.bytes, owner);
    const command = sandboxCommand(input.sandbox.tools, job, scriptEnvironment(dataName), input.limits, [input.python, `${SANDBOX_PATHS.code}/${scriptName}`]);

    const output = new BoundedOutput(input.limits.outputChars);
    const started = performance.now();
    const status = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean; spawnError?: string }>((resolve) => {
      const child = spawn(command[0]!, command.slice(1), { cwd: "/", env: LAUNCH_ENVIRONMENT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      let timedOut = false;
      let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
      // detached: setpriv → prlimit → bwrap lead their own process group. Killing bwrap kills the
      // sandbox's pid 1 (--die-with-parent), and with it every process in the pid namespace, even
      // ones that started sessions of their own.
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

    const model = await readOutputFile(path.join(job.output, "model.pkl"), input.maxModelBytes);
    const metrics = await readOutputFile(path.join(job.output, "metrics.json"), MAX_METRICS_BYTES);
    return {
      exitCode: status.code,
      signal: status.signal,
      timedOut: status.timedOut,
      durationMs: Math.round(performance.now() - started),
      output: output.toString(),
      model,
      metricsJson: metrics.ok ? metrics.bytes.toString("utf8") : null,
    };
  } finally {
    await job.remove();
  }
}
