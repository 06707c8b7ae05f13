import type { Database } from "@/db/client";
import type { ModelRow, TrainingJobRow } from "@/db/schema";
import { getBlobStore, modelUploadLimit } from "@/lib/blobs/store";
import { getModel } from "../store";
import { moveAlias, type RollOutcome } from "../deployments/rollout";
import { storeUpload } from "../uploads";
import { INSTALL_HINT, pythonPath, trainingLimits, type TrainingLimits } from "./config";
import { JobLog } from "./job-log";
import { checkPython } from "./python";
import { sandboxSetup } from "./isolation";
import { runInSandbox, type SandboxResult } from "./sandbox";
import type { TrainingJobMessage } from "./start-job";
import { claimTrainingJob, finishTrainingJob, latestModelFile, setTrainingJobLog } from "./store";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/workspaces/audit";
import { evaluateThresholds, parseMetrics } from "./thresholds";

/** A failure with a reason the job's owner can act on (shown as the job's `reason`). */
class TrainingFailure extends Error {}

interface TrainingResult {
  resultVersion: number;
  promoted: boolean;
  metrics: Record<string, number>;
}

const MIB = 1024 * 1024;

function lastLine(output: string): string {
  return output.trim().split("\n").at(-1)?.slice(0, 300) ?? "";
}

/** Why a run failed, from how the process ended. */
function failureOf(run: SandboxResult, limits: TrainingLimits): string | null {
  if (run.timedOut) return `The script was killed at the wall-clock limit of ${limits.wallSeconds} s`;
  if (run.signal === "SIGXCPU" || run.exitCode === 128 + 24) return `The script exceeded its CPU-time limit of ${limits.cpuSeconds} s`;
  if (run.signal === "SIGKILL" || run.exitCode === 128 + 9) return "The script was killed (CPU-time hard limit or out of memory)";
  if (run.exitCode !== 0) {
    if (/\bMemoryError\b/.test(run.output)) return `The script ran out of memory (limit ${Math.round(limits.memoryBytes / MIB)} MiB)`;
    return `The script exited with status ${run.exitCode ?? run.signal}: ${lastLine(run.output) || "no output"}`;
  }
  return null;
}

async function loadFile(db: Database, job: TrainingJobRow, kind: "code" | "data") {
  const file = await latestModelFile(db, job.workspaceId, job.modelId, kind);
  if (!file) throw new TrainingFailure(kind === "code" ? "The model has no code file to run: upload one with file_kind=code" : "The model has no data file: upload one with file_kind=data");
  const bytes = await getBlobStore().get(file.sha256);
  if (!bytes) throw new TrainingFailure(`The ${kind} file's bytes are missing from the blob store`);
  return { name: file.filename, bytes };
}

async function train(db: Database, job: TrainingJobRow, model: ModelRow, log: JobLog): Promise<TrainingResult> {
  const limits = trainingLimits();
  // No sandbox, no run: there is no less isolated way to run the script.
  const sandbox = await sandboxSetup();
  if (!sandbox.ok) {
    log.line("sandbox: unavailable, the script does not run");
    throw new TrainingFailure(sandbox.reason);
  }
  log.line(`sandbox: ${sandbox.description}`);
  const python = pythonPath();
  const check = await checkPython(python);
  if (!check.ok) throw new TrainingFailure(check.reason);
  if (!python.startsWith("/usr/")) throw new TrainingFailure(`${python} is not under /usr, the only program folder the training sandbox shows: install Python 3 with scikit-learn under /usr (${INSTALL_HINT})`);
  const [script, data] = await Promise.all([loadFile(db, job, "code"), loadFile(db, job, "data")]);
  log.line(`${python}: ${check.version}; running ${script.name} on ${data.name} (${data.bytes.length} bytes)`);
  log.line(`limits: CPU ${limits.cpuSeconds} s, memory ${Math.round(limits.memoryBytes / MIB)} MiB, wall clock ${limits.wallSeconds} s`);
  const run = await runInSandbox({
    python,
    script,
    data,
    limits,
    sandbox,
    maxModelBytes: modelUploadLimit(),
    onOutput: (text) => log.scriptOutput(text),
  });
  log.endOutput();
  log.line(`the script ran ${(run.durationMs / 1000).toFixed(1)} s and ended with ${run.timedOut ? "the wall-clock kill" : run.signal ? `signal ${run.signal}` : `exit status ${run.exitCode}`}`);
  const failure = failureOf(run, limits);
  if (failure) throw new TrainingFailure(failure);
  if (!run.model.ok) throw new TrainingFailure(`The script did not write model.pkl to CRUCIBLE_OUTPUT (${run.model.problem})`);

  const { metrics, problem } = parseMetrics(run.metricsJson);
  log.line(problem ? `metrics: ${problem}` : `metrics: ${JSON.stringify(metrics)}`);
  const bytes = run.model.bytes;
  // The same path as an upload: the safe reader must accept the file before it becomes a version.
  const stored = await storeUpload(db, job.workspaceId, job.modelId, { filename: "model.pkl", contentType: "application/octet-stream", bytes, fileKind: "model" }, job.workspaceId);
  if (!stored.ok) throw new TrainingFailure(`The model.pkl the script wrote was refused: ${stored.details[0]?.message ?? stored.message}`);
  const version = stored.file.version!;
  log.line(`stored as version ${version} (${stored.file.estimator?.class ?? "unrecognised estimator"}, sha256 ${stored.file.sha256.slice(0, 12)}…)`);

  const verdict = evaluateThresholds(model.modelperformance, metrics);
  const alias = verdict.met ? "production" : "candidate";
  // Auditing the promotion first keeps the log's order: promoted, then each deployment rolled.
  if (verdict.met) await recordAudit(db, job.workspaceId, SYSTEM_ACTOR, { action: "training.promoted", target: job.modelId, detail: { version, job: job.id } });
  const moved = await moveAlias(db, job.workspaceId, job.modelId, alias, version, { actor: SYSTEM_ACTOR, trainingJobId: job.id });
  log.line(`thresholds: ${verdict.summary}`);
  log.line(verdict.met ? `promoted: production → version ${version}` : `not promoted: version ${version} stays a candidate (alias "candidate")`);
  if (moved.ok) for (const roll of moved.rolls) log.line(rollLine(roll));
  return { resultVersion: version, promoted: verdict.met, metrics };
}

function rollLine(roll: RollOutcome): string {
  const from = roll.from === null ? "no version" : `v${roll.from}`;
  return roll.ok ? `deployment ${roll.deploymentId}: rolled ${from} → v${roll.to}` : `deployment ${roll.deploymentId}: kept ${from}, v${roll.to} refused: ${roll.reason}`;
}

/**
 * Runs one queued job to its end: claims it (waiting → running, once), trains in the sandbox,
 * stores the new version and moves the alias, and records succeeded or failed with the log.
 * Null when the job was not waiting (already taken, or gone).
 */
export async function runTrainingJob(db: Database, message: TrainingJobMessage): Promise<TrainingJobRow | null> {
  const job = await claimTrainingJob(db, message.workspaceId ?? message.accountId, message.jobId);
  if (!job) return null;
  const log = new JobLog((text) => setTrainingJobLog(db, job.workspaceId, job.id, text), trainingLimits().outputChars);
  log.line(`training job ${job.id} (${job.trigger}) for model ${job.modelId}`);
  try {
    const model = await getModel(db, job.workspaceId, job.modelId);
    if (!model) throw new TrainingFailure("The model was deleted");
    const result = await train(db, job, model, log);
    return finishTrainingJob(db, job.workspaceId, job.id, { status: "succeeded", log: await log.close(), reason: null, ...result });
  } catch (error) {
    const known = error instanceof TrainingFailure;
    if (!known) console.error(`[crucible] training job ${job.id} failed`, error);
    const reason = known ? error.message : "Internal error while running the job; the details are in the server log";
    log.endOutput();
    log.line(`failed: ${reason}`);
    return finishTrainingJob(db, job.workspaceId, job.id, { status: "failed", log: await log.close(), reason });
  }
}
