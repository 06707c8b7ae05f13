import { Time } from "@/components/time";
import { Badge, Card, ScrollX } from "@/components/ui";
import type { LineageJob } from "@/lib/models/lineage/lineage";

const th = "whitespace-nowrap px-3 py-2";
const TONES: Record<string, "green" | "red" | "amber" | "slate"> = { succeeded: "green", failed: "red", running: "amber", waiting: "slate" };

function duration(job: LineageJob): string {
  if (!job.startedAt || !job.finishedAt) return "—";
  const s = (job.finishedAt.getTime() - job.startedAt.getTime()) / 1000;
  return s < 90 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`;
}

/** Every retraining run of the model, newest first: what it read, what it measured, what it made. */
export function TrainingHistory({ jobs }: { jobs: LineageJob[] }) {
  return (
    <Card className="overflow-x-auto" >
      <h2 className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-semibold text-slate-900">Training history</h2>
      {jobs.length === 0 ? (
        <p className="px-3 py-2.5 text-sm text-slate-500">No retraining yet: POST /mltraining/add with the model id, or retrain from a deployment's drift panel.</p>
      ) : (
        <ScrollX>
          <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid="training-history">
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                {["Started", "Trigger", "Status", "Made", "Metrics", "Data and code", "Took"].map((h) => <th key={h} className={th}>{h}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {jobs.map((job) => (
                <tr key={job.id} id={`run-${job.id}`} className="target:bg-indigo-50">
                  <td className={th}><Time value={job.startedAt ?? job.createdAt} style="relative" /></td>
                  <td className={th}>{job.trigger}</td>
                  <td className={th}><Badge tone={TONES[job.status] ?? "slate"}>{job.status}</Badge></td>
                  <td className={th}>
                    {job.resultVersion !== null ? (
                      <span>v{job.resultVersion}{job.promoted ? <span className="text-emerald-700"> → production</span> : <span className="text-slate-500"> (candidate)</span>}</span>
                    ) : (
                      <span className="text-slate-500" title={job.reason ?? undefined}>{job.reason ? job.reason.slice(0, 60) : "—"}</span>
                    )}
                  </td>
                  <td className={`${th} font-mono text-xs`}>{job.metrics ? Object.entries(job.metrics).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`).join(" · ") : "—"}</td>
                  <td className={`${th} text-xs`}>{job.inputs.length ? job.inputs.map((i) => i.filename).join(", ") : "—"}</td>
                  <td className={th}>{duration(job)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </Card>
  );
}
