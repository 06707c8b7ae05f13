"use client";

import { Badge } from "@/components/ui";
import type { TrainingJobView } from "@/lib/models/training/view";
import type { JobRoll } from "@/lib/models/deployments/rollout-store";
import Link from "@/components/workspace-link";
import { Time } from "@/components/time";

const TONES = { waiting: "slate", running: "indigo", succeeded: "green", failed: "red" } as const;

/** The model's latest training job: status, outcome and the log (live while it runs). */
export function DriftTrainingJob({ job, rolls }: { job: TrainingJobView; rolls: JobRoll[] }) {
  const status = job.status as keyof typeof TONES;
  return (
    <div className="space-y-3" data-testid="training-job">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={TONES[status] ?? "slate"}>{job.status}</Badge>
        <span className="text-slate-600">
          started by <span className="font-medium">{job.trigger}</span> · queued <Time value={job.created_at} style="seconds" />
          {job.finished_at ? <> · finished <Time value={job.finished_at} style="seconds" /></> : null}
        </span>
        {job.result_version !== null ? (
          <Badge tone={job.promoted ? "green" : "amber"}>
            v{job.result_version} {job.promoted ? "→ production" : "candidate"}
          </Badge>
        ) : null}
        {rolls.length ? (
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="job-rolls">
            {rolls.map((r) => (
              <Link
                key={`${r.deploymentId}-${r.kind}`}
                href={`/deployments/${encodeURIComponent(r.deploymentId)}`}
                className={r.kind === "roll_failed" ? "text-amber-700 hover:underline" : "text-indigo-600 hover:underline"}
                title={r.reason ?? undefined}
              >
                {r.kind === "roll_failed" ? `${r.deploymentId} kept its version` : `rolled ${r.deploymentId}`}
              </Link>
            ))}
          </span>
        ) : job.promoted && job.status === "succeeded" ? (
          <span className="text-slate-500">no deployment follows production</span>
        ) : null}
      </div>
      {job.reason ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {job.reason}
        </p>
      ) : null}
      {job.metrics ? <p className="font-mono text-xs text-slate-600">metrics: {JSON.stringify(job.metrics)}</p> : null}
      {job.log ? (
        <pre className="max-h-72 overflow-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs leading-relaxed text-slate-100" data-testid="training-log">
          {job.log}
        </pre>
      ) : (
        <p className="text-sm text-slate-500">Waiting for a worker…</p>
      )}
    </div>
  );
}
