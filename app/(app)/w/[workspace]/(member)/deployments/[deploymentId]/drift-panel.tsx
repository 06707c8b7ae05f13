"use client";

import { Badge, Button, Card, Section } from "@/components/ui";
import { DriftChart } from "./drift-chart";
import { DriftTrainingJob } from "./drift-training-job";
import { DriftVerdicts } from "./drift-verdicts";
import { useDriftPanel } from "./use-drift-panel";
import { Time } from "@/components/time";

/**
 * Drift monitoring and retraining for one deployment: per-feature p-values over time, the latest
 * verdicts, "Check now", "Retrain now", the automatic-retraining setting and the latest job's log.
 */
export function DriftPanel({ deploymentId }: { deploymentId: string }) {
  const { panel, checkNow, retrain, setAuto } = useDriftPanel(deploymentId);
  const { data, error, isPending } = panel;

  if (isPending) return <Card className="p-6 text-sm text-slate-500">Loading drift monitoring…</Card>;
  if (!data) return <Card className="p-6 text-sm text-red-700">Drift monitoring is unavailable: {(error as Error | null)?.message ?? "unknown error"}</Card>;

  const { detection, deployment, checks, job } = data;
  const latest = checks[0];
  const jobActive = job !== null && (job.status === "waiting" || job.status === "running");
  const problem = checkNow.error ?? retrain.error ?? setAuto.error;

  return (
    <div className="space-y-6" data-testid="drift-panel">
      <Section
        title="Drift"
        hint={
          detection.enabled ? (
            <>
              {detection.methodName} on continuous features, χ² on categorical counts · last {detection.window} inputs against the training data · α = {detection.alpha}, Bonferroni across
              features · no verdict below {detection.minWindow} inputs
            </>
          ) : (
            <>Drift detection is off for this model: set drift_detection to [&#123;&quot;is_true&quot;: 1, &quot;method&quot;: 0, 1 or 2&#125;] on the model.</>
          )
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" onClick={() => checkNow.mutate()} disabled={!detection.enabled || checkNow.isPending} data-testid="drift-check-now">
              {checkNow.isPending ? "Checking…" : "Check now"}
            </Button>
            <Button onClick={() => retrain.mutate()} disabled={jobActive || retrain.isPending} data-testid="retrain-now">
              {jobActive ? "Retraining…" : "Retrain now"}
            </Button>
          </div>
        }
      >
        <label className="mb-4 flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="h-4 w-4 rounded border-slate-300 text-indigo-600"
            checked={setAuto.isPending ? setAuto.variables : deployment.autoRetrainOnDrift}
            onChange={(e) => setAuto.mutate(e.target.checked)}
            data-testid="auto-retrain"
          />
          Retrain automatically when drift is detected
        </label>
        {problem ? (
          <p className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            {problem.message}
          </p>
        ) : null}
        {latest ? (
          <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-600">Latest check <Time value={latest.createdAt} style="relative" />:</span>
            {latest.drifted === true ? <Badge tone="red">drift detected</Badge> : latest.drifted === false ? <Badge tone="green">no drift</Badge> : <Badge>no verdict</Badge>}
          </div>
        ) : (
          <p className="mb-4 text-sm text-slate-500">No checks yet. They run every few minutes while the deployment is running, or now with “Check now”.</p>
        )}
        <DriftChart checks={checks} alpha={detection.alpha} />
      </Section>

      {latest ? (
        <Section title="Latest verdict per feature" hint="Adjusted p = p × features tested (Bonferroni); drift when below α.">
          <DriftVerdicts check={latest} />
        </Section>
      ) : null}

      <Section title="Retraining" hint={`Runs the model's code file on its data file in a sandbox; a new version becomes production when the model's thresholds are met.`}>
        {job ? <DriftTrainingJob job={job} rolls={data.jobRolls} /> : <p className="text-sm text-slate-500">No training job for this model yet.</p>}
      </Section>
    </div>
  );
}
