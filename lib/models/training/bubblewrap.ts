import { lstatSync, readlinkSync } from "node:fs";
import type { TrainingLimits } from "./config";

/** Where the job's own folders appear inside the sandbox (the script contract's paths). */
export const SANDBOX_PATHS = { code: "/job/code", work: "/job/work", output: "/job/output" } as const;

/** The host folders of one job, bound onto SANDBOX_PATHS. */
export interface JobFolders {
  code: string;
  work: string;
  output: string;
}

/** The programs that build the sandbox, found by the probe. */
export interface SandboxTools {
  bwrap: string;
  prlimit: string;
  /** setpriv, when the app runs as root: the sandbox is then started as nobody, never as root. */
  setpriv: string | null;
}

export const NOBODY = 65534;

/**
 * The environment the command line starts with: none. bwrap's reaper (pid 1 inside) keeps it,
 * readable by the script at /proc/1/environ; the script's own comes from --setenv.
 */
export const LAUNCH_ENVIRONMENT = {} as NodeJS.ProcessEnv;
/** Private tmpfs sizes: memory the script could fill besides its address space. */
const TMP_BYTES = 256 * 1024 * 1024;
const SHM_BYTES = 64 * 1024 * 1024;
const MAX_FILE_BYTES = 1024 * 1024 * 1024;
const MAX_OPEN_FILES = 256;
const MAX_PROCESSES = 256;

/**
 * Only what Python, numpy and scikit-learn need: /usr read-only, the merged-/usr links (or the
 * folders themselves on a system without merged /usr), and from /etc only the library cache and
 * the alternatives links that point libblas and liblapack at the installed implementation.
 */
function systemMounts(): string[] {
  const args = ["--ro-bind", "/usr", "/usr"];
  for (const top of ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"]) {
    let info;
    try {
      info = lstatSync(top);
    } catch {
      continue; // not on this machine
    }
    if (info.isSymbolicLink()) args.push("--symlink", readlinkSync(top), top);
    else if (info.isDirectory()) args.push("--ro-bind", top, top);
  }
  args.push("--ro-bind-try", "/etc/alternatives", "/etc/alternatives", "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache");
  return args;
}

/**
 * The whole command line that runs `command` in the sandbox:
 *
 *   [setpriv to nobody, as root] prlimit <limits> bwrap <namespaces, mounts, env> -- command
 *
 * bubblewrap does the isolation: new user, mount, pid, network, ipc, uts and cgroup namespaces
 * (the network namespace has only its own loopback), a root that shows nothing of the host but
 * the read-only system folders and the job's folders, no nested user namespaces, a new session
 * (no terminal injection), and death with its parent. Its own reaper is pid 1 inside, so the
 * script (pid 2) receives SIGXCPU, and killing bwrap ends the whole pid namespace.
 */
export function sandboxCommand(tools: SandboxTools, folders: JobFolders, env: Record<string, string>, limits: TrainingLimits, command: string[]): string[] {
  const drop = tools.setpriv ? [tools.setpriv, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--no-new-privs", "--"] : [];
  // Soft CPU limit first (SIGXCPU, reported as the CPU limit), the hard one a second later.
  // RLIMIT_NPROC counts per real uid: set only for nobody, never for the app's own user.
  const cpu = limits.cpuSeconds;
  const rlimits = [tools.prlimit, `--cpu=${cpu}:${cpu + 1}`, `--as=${limits.memoryBytes}`, `--fsize=${MAX_FILE_BYTES}`, "--core=0", `--nofile=${MAX_OPEN_FILES}`];
  if (tools.setpriv) rlimits.push(`--nproc=${MAX_PROCESSES}`);
  const bwrap = [
    tools.bwrap,
    ...["--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session"],
    ...["--uid", String(NOBODY), "--gid", String(NOBODY), "--hostname", "crucible-sandbox"],
    ...systemMounts(),
    ...["--proc", "/proc", "--dev", "/dev", "--size", String(SHM_BYTES), "--tmpfs", "/dev/shm", "--size", String(TMP_BYTES), "--tmpfs", "/tmp"],
    ...["--ro-bind", folders.code, SANDBOX_PATHS.code, "--bind", folders.work, SANDBOX_PATHS.work, "--bind", folders.output, SANDBOX_PATHS.output],
    // Last: the sandbox's own root and /dev become read-only (their files are in memory, unbounded).
    ...["--remount-ro", "/dev", "--remount-ro", "/"],
    ...["--chdir", SANDBOX_PATHS.work, "--clearenv"],
    ...Object.entries(env).flatMap(([name, value]) => ["--setenv", name, value]),
    "--",
  ];
  return [...drop, ...rlimits, "--", ...bwrap, ...command];
}
