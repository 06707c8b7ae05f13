import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * How this machine can isolate a training script, found once per process by trying the options
 * in order of strength (what works depends on the kernel, the container and whether we are root).
 */
export interface Isolation {
  /** Command prefix that starts the script in new namespaces ([] when none could be created). */
  namespacePrefix: string[];
  /** "namespace": no network interface but a downed loopback; "python": socket calls blocked in-process only. */
  network: "namespace" | "python";
  /** Command prefix that drops root to nobody before the script runs ([] when not root or impossible). */
  dropPrefix: string[];
  /** prlimit's path, or null to set the limits with the shell's ulimit. */
  prlimit: string | null;
  /** One line for the job log: what worked and, if less than a namespace, why. */
  description: string;
}

const NOBODY = 65534;

function findTool(name: string): string | null {
  for (const dir of ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]) if (existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  return null;
}

/**
 * True when the prefix starts a process whose only network interface is loopback: /proc/net/dev
 * follows the process's network namespace, so this checks the isolation itself, not just the exit.
 */
function isolatesNetwork(prefix: string[]): { ok: boolean; error: string } {
  const result = spawnSync(prefix[0]!, [...prefix.slice(1), "/bin/cat", "/proc/net/dev"], { encoding: "utf8", timeout: 10_000 });
  if (result.error) return { ok: false, error: result.error.message };
  if (result.status !== 0) return { ok: false, error: (result.stderr || `exit ${result.status}`).trim().split("\n").at(-1)! };
  const interfaces = result.stdout
    .split("\n")
    .slice(2)
    .map((line) => line.split(":")[0]!.trim())
    .filter(Boolean);
  return interfaces.every((name) => name === "lo") ? { ok: true, error: "" } : { ok: false, error: `interfaces still visible: ${interfaces.join(", ")}` };
}

/** Finds the strongest isolation that works here; `namespaces: false` skips them (to test the fallback). */
export function probeIsolation(options: { namespaces?: boolean } = {}): Isolation {
  const root = process.getuid?.() === 0;
  const unshare = findTool("unshare");
  const setpriv = findTool("setpriv");
  const prlimit = findTool("prlimit");
  // A pid namespace with --kill-child gives the script a process tree of its own: when the tree's
  // init ends or is killed, every process in it dies, even ones that left the process group.
  const pid = ["--pid", "--fork", "--kill-child"];
  // The shell stays as the namespace's init and runs the script as pid 2: the kernel drops signals
  // an init has no handler for, so a script running as pid 1 would never see SIGXCPU.
  const init = ["/bin/sh", "-c", '"$@"; exit $?', "sh"];
  const candidates: { args: string[]; label: string; userNamespace: boolean }[] = [];
  if (root) {
    candidates.push({ args: ["--net", ...pid], label: "unshare --net --pid (as root)", userNamespace: false });
    candidates.push({ args: ["--net"], label: "unshare --net (as root)", userNamespace: false });
  }
  candidates.push({ args: ["--net", "--map-root-user", ...pid], label: "unshare --net --map-root-user --pid (user namespace)", userNamespace: true });
  candidates.push({ args: ["--net", "--map-root-user"], label: "unshare --net --map-root-user (user namespace)", userNamespace: true });

  const failures: string[] = [];
  let chosen: { prefix: string[]; label: string; userNamespace: boolean } | null = null;
  if (options.namespaces === false) failures.push("namespaces disabled by the caller");
  else if (unshare) {
    for (const candidate of candidates) {
      const prefix = [unshare, ...candidate.args, "--", ...(candidate.args.includes("--pid") ? init : [])];
      const check = isolatesNetwork(prefix);
      if (check.ok) {
        chosen = { prefix, label: candidate.label, userNamespace: candidate.userNamespace };
        break;
      }
      failures.push(`${candidate.label}: ${check.error}`);
    }
  } else failures.push("unshare (util-linux) is not installed");

  // Inside a user namespace we are "root" only there; a uid change would need a mapping we lack.
  const drop = root && setpriv && !chosen?.userNamespace ? [setpriv, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--no-new-privs", "--"] : [];
  const who = drop.length ? "the script runs as nobody (uid 65534)" : root ? "the script runs as root (setpriv is missing)" : "the script runs as the worker's user";
  if (chosen) {
    return { namespacePrefix: chosen.prefix, network: "namespace", dropPrefix: drop, prlimit, description: `network namespace via ${chosen.label}; ${who}` };
  }
  return {
    namespacePrefix: [],
    network: "python",
    dropPrefix: drop,
    prlimit,
    description:
      `no network namespace could be created (${failures.join("; ")}); network access is blocked only inside Python ` +
      `(sitecustomize replaces socket), which native code can bypass; ${who}`,
  };
}

const holder = globalThis as typeof globalThis & { __crucibleIsolation?: Isolation };

export function sandboxIsolation(): Isolation {
  return (holder.__crucibleIsolation ??= probeIsolation());
}

export const NOBODY_UID = NOBODY;
