import { Time } from "@/components/time";
import { Badge } from "@/components/ui";
import { cell, TableCard } from "./table-card";
import type { LineageJob } from "@/lib/models/lineage/lineage";

const TONES: Record<string, "green" | "red" | "amber" | "slate"> = { succeeded: "green", failed: "red", running: "amber", waiting: "slate" };

function duration(job: LineageJob): string {
  if (!job.startedAt || !job.finishedAt) return "—";
  const s = (job.finishedAt.getTime() - job.startedAt.getTime()) / 1000;
  return s < 90 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`;
}

/** Every retraining run of the model, newest first: what it read, what it measured, what it made. */
export function TrainingHistory({ jobs }: { jobs: LineageJob[] }) {
  return (
    <TableCard
      title="Training history"
      empty={jobs.length === 0 ? "No retraining yet: POST /mltraining/add with the model id, or retrain from a deployment's drift panel." : null}
      head={["Started", "Trigger", "Status", "Made", "Metrics", "Data and code", "Took"]}
      testId="training-history"
    >
      {jobs.map((job) => (
        <tr key={job.id} id={`run-${job.id}`} className="target:bg-indigo-50">
          <td className={cell}><Time value={job.startedAt ?? job.createdAt} style="relative" /></td>
          <td className={cell}>{job.trigger}</td>
          <td className={cell}><Badge tone={TONES[job.status] ?? "slate"}>{job.status}</Badge></td>
          <td className={cell}>
            {job.resultVersion !== null ? (
              <span>v{job.resultVersion}{job.promoted ? <span className="text-emerald-700"> → production</span> : <span className="text-slate-500"> (candidate)</span>}</span>
            ) : (
              <span className="text-slate-500" title={job.reason ?? undefined}>{job.reason ? job.reason.slice(0, 60) : "—"}</span>
            )}
          </td>
          <td className={`${cell} font-mono text-xs`}>{job.metrics ? Object.entries(job.metrics).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`).join(" · ") : "—"}</td>
          <td className={`${cell} text-xs`}>{job.inputs.length ? job.inputs.map((i) => i.filename).join(", ") : "—"}</td>
          <td className={cell}>{duration(job)}</td>
        </tr>
      ))}
    </TableCard>
  );
}
