import { execFile } from "node:child_process";
import { constants, existsSync } from "node:fs";
import { access, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { bwrapPath, BWRAP_INSTALL_HINT, NAMESPACES_HINT } from "./config";
import { LAUNCH_ENVIRONMENT, NOBODY, SANDBOX_PATHS, sandboxCommand, type SandboxTools } from "./bubblewrap";
import { createJobDirectory } from "./job-directory";
import { processSingleton } from "@/lib/process-singleton";

/**
 * Whether this machine can run training jobs in the bubblewrap sandbox, found by building one and
 * looking from inside (not assumed from the tools being present). Training refuses without it:
 * there is no weaker fallback.
 */
export type SandboxSetup =
  | { ok: true; tools: SandboxTools; /** The sandbox's uid as the host sees it. */ outerUid: number; description: string }
  | { ok: false; reason: string };

function findTool(name: string): string | null {
  for (const dir of ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]) if (existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  return null;
}

function run(command: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command[0]!, command.slice(1), { env: LAUNCH_ENVIRONMENT, cwd: "/", timeout: 30_000, encoding: "utf8" }, (error, stdout, stderr) => {
      const status = error ? `exit status ${error.code ?? error.signal ?? "unknown"}` : "";
      resolve({ ok: !error, stdout, stderr: stderr.trim() || status });
    });
  });
}

// Runs as the sandbox's pid 2; $1 (a file beside the job's bound folders) and /etc/passwd exist on
// the host and must be invisible.
const PROBE_SCRIPT = `
echo "uid $(id -u)"
echo "pid $$"
echo "interfaces $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' ')"
echo "root $(ls -A / | tr '\\n' ' ')"
test -e "$1" && echo "host_file $1"
test -e /etc/passwd && echo "host_file /etc/passwd"
touch /escape 2>/dev/null && echo "root_writable yes"
echo probe > ${SANDBOX_PATHS.output}/probe
`;
const ALLOWED_TOP = new Set(["bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc", "proc", "dev", "tmp", "job"]);

/** What the probe saw that a sandbox must not show, or null when everything holds. */
function problemIn(seen: Map<string, string>): string | null {
  if (!seen.has("uid")) return "the probe printed nothing";
  if (seen.get("uid") !== String(NOBODY)) return `the script's uid is ${seen.get("uid")}, not ${NOBODY}`;
  if (seen.get("pid") !== "2") return `no pid namespace of its own (the script is pid ${seen.get("pid")})`;
  if (seen.get("interfaces")?.trim() !== "lo") return `network interfaces visible: ${seen.get("interfaces")}`;
  const extra = (seen.get("root") ?? "").split(" ").filter((name) => name && !ALLOWED_TOP.has(name));
  if (extra.length) return `host folders visible: /${extra.join(", /")}`;
  if (seen.has("host_file")) return `the host file ${seen.get("host_file")} is visible`;
  if (seen.has("root_writable")) return "the sandbox's root is writable";
  return null;
}

/**
 * The uid the host sees for the sandbox, from the owner of the file the probe wrote (the uid map
 * read from inside is relative to bwrap's own intermediate namespace, so it cannot tell).
 */
async function outerUidProblem(written: string, expected: number): Promise<string | null> {
  try {
    const { uid } = await stat(written);
    return uid === expected ? null : `the sandbox writes files as uid ${uid} on the host, not ${expected}`;
  } catch {
    return "the output folder is not writable from inside";
  }
}

/** Builds a sandbox with `bwrap` (default: CRUCIBLE_BWRAP or /usr/bin/bwrap) and checks it from inside. */
export async function probeSandbox(options: { bwrap?: string } = {}): Promise<SandboxSetup> {
  const bwrap = options.bwrap ?? bwrapPath();
  const refuse = (what: string, hint: string): SandboxSetup => ({ ok: false, reason: `Training refuses to run without its sandbox: ${what}. ${hint}` });
  try {
    await access(bwrap, constants.X_OK);
  } catch {
    return refuse(`bubblewrap was not found at ${bwrap}`, BWRAP_INSTALL_HINT);
  }
  // --disable-userns and --size (tmpfs sizes) are bubblewrap 0.8's.
  const version = (await run([bwrap, "--version"])).stdout.trim();
  const [major = 0, minor = 0] = (/(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  if (major === 0 && minor < 8) return refuse(`${bwrap} is ${version || "not a working bubblewrap"}; the sandbox needs bubblewrap 0.8 or newer (Debian 12, Ubuntu 24.04)`, BWRAP_INSTALL_HINT);
  const root = process.getuid?.() === 0;
  const prlimit = findTool("prlimit");
  const setpriv = root ? findTool("setpriv") : null;
  if (!prlimit || (root && !setpriv)) return refuse(`util-linux's ${prlimit ? "setpriv" : "prlimit"} was not found`, "On Debian or Ubuntu: apt-get install -y util-linux");
  const tools: SandboxTools = { bwrap, prlimit, setpriv };
  const outerUid = root ? NOBODY : process.getuid!();

  const job = await createJobDirectory(root ? NOBODY : null);
  try {
    const hostFile = path.join(job.root, "host-only");
    await writeFile(hostFile, "must stay invisible");
    const limits = { cpuSeconds: 10, memoryBytes: 512 * 1024 * 1024, wallSeconds: 30, outputChars: 4096 };
    const result = await run(sandboxCommand(tools, job, { PATH: "/usr/bin:/bin" }, limits, ["/bin/sh", "-c", PROBE_SCRIPT, "probe", hostFile]));
    if (!result.ok) {
      const last = result.stderr.trim().split("\n").at(-1) ?? "";
      return refuse(`${bwrap} could not create the sandbox (${last})`, NAMESPACES_HINT);
    }
    const seen = new Map<string, string>();
    for (const line of result.stdout.split("\n")) {
      const space = line.indexOf(" ");
      if (space > 0) seen.set(line.slice(0, space), line.slice(space + 1));
    }
    const problem = problemIn(seen) ?? (await outerUidProblem(path.join(job.output, "probe"), outerUid));
    if (problem) return refuse(`the sandbox built by ${bwrap} is not isolated as required: ${problem}`, NAMESPACES_HINT);
    const who = root ? `nobody (${NOBODY}) outside too: setpriv drops root before bwrap` : `the app's own uid ${outerUid} outside (not root; the app's files are not mounted)`;
    return {
      ok: true,
      tools,
      outerUid,
      description: `${version} at ${bwrap}, verified: own mount, pid and network namespaces (only lo), host files hidden; uid ${NOBODY} inside, ${who}`,
    };
  } finally {
    await job.remove();
  }
}

/**
 * The sandbox for this process, probed once per bwrap path. A refusal is not remembered: the next
 * job probes again, so installing bubblewrap or allowing namespaces needs no restart.
 */
export async function sandboxSetup(options: { bwrap?: string } = {}): Promise<SandboxSetup> {
  const bwrap = options.bwrap ?? bwrapPath();
  const cache = processSingleton("training.sandbox", () => new Map<string, SandboxSetup>());
  const known = cache.get(bwrap);
  if (known) return known;
  const setup = await probeSandbox({ bwrap });
  if (setup.ok) cache.set(bwrap, setup);
  return setup;
}
