// Settings of the training worker, read when a job starts so tests and operators can change them
// without a restart. All optional; see README "Retraining and drift".

function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export interface TrainingLimits {
  /** RLIMIT_CPU of the script (seconds of CPU time). */
  cpuSeconds: number;
  /** RLIMIT_AS of the script (bytes of address space). */
  memoryBytes: number;
  /** Wall-clock limit: the whole process tree is killed after this long. */
  wallSeconds: number;
  /** Characters of stdout + stderr kept in the job log (half from the start, half from the end). */
  outputChars: number;
}

export function trainingLimits(): TrainingLimits {
  return {
    cpuSeconds: Math.ceil(positiveNumber("CRUCIBLE_TRAINING_CPU_SECONDS", 600)),
    memoryBytes: Math.floor(positiveNumber("CRUCIBLE_TRAINING_MEMORY_MB", 2048) * 1024 * 1024),
    wallSeconds: positiveNumber("CRUCIBLE_TRAINING_TIMEOUT_SECONDS", 900),
    outputChars: 64 * 1024,
  };
}

/** The interpreter scripts run with: Debian's, which has scikit-learn from python3-sklearn. */
export function pythonPath(): string {
  return process.env.CRUCIBLE_PYTHON || "/usr/bin/python3";
}

export const INSTALL_HINT = "On Debian or Ubuntu: apt-get install -y python3-sklearn";

/** bubblewrap, which builds the training sandbox (CRUCIBLE_BWRAP overrides the path). */
export function bwrapPath(): string {
  return process.env.CRUCIBLE_BWRAP || "/usr/bin/bwrap";
}

export const BWRAP_INSTALL_HINT = "On Debian or Ubuntu: apt-get install -y bubblewrap";

export const NAMESPACES_HINT =
  "bubblewrap needs unprivileged user namespaces: on the host, user.max_user_namespaces above 0 " +
  "(older Debian kernels also kernel.unprivileged_userns_clone=1; Ubuntu 24.04 kernel.apparmor_restrict_unprivileged_userns=0 or an AppArmor profile for bwrap); " +
  "in Docker or Kubernetes, a seccomp profile that allows them, no AppArmor confinement of the container and an unmasked /proc " +
  '(README "How a production host gets bubblewrap")';
