"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Card, Section } from "@/components/ui";
import type { DeploymentDetail } from "@/lib/models/deployments/dashboard";
import { StatusBadge } from "../status-badge";
import { OperationsLog } from "./operations-log";
import { PerMinuteChart } from "./per-minute-chart";
import { PredictPlayground, type PlaygroundResult } from "./predict-playground";
import { deploymentLiveKey, useDeploymentLive } from "./use-deployment-live";
import { deploymentOperationsKey } from "./use-deployment-operations";
import { WaterfallChart } from "./waterfall-chart";

const percent = (p: number) => `${(p * 100).toFixed(p > 0.999 || p < 0.001 ? 2 : 1)}%`;

/** The live part of a deployment's page: status (polled while it moves), playground, waterfall, traffic and log. */
export function DeploymentPanel({ detail }: { detail: DeploymentDetail }) {
  const id = detail.live.deployment.deployment_id;
  const queryClient = useQueryClient();
  const [result, setResult] = useState<PlaygroundResult | null>(null);
  const { data: live } = useDeploymentLive(id, detail.live);
  const { deployment } = live;

  function onResult(next: PlaygroundResult) {
    setResult(next);
    void queryClient.invalidateQueries({ queryKey: deploymentLiveKey(id) });
    void queryClient.invalidateQueries({ queryKey: deploymentOperationsKey(id) });
  }

  const shown = result?.ok && result.body.explanation ? { explanation: result.body.explanation, input: result.input ?? undefined } : live.last ? { explanation: live.last.explanation, input: live.last.input } : null;

  return (
    <div className="space-y-6">
      <Card className="flex flex-wrap items-center gap-3 px-6 py-4">
        <span className="text-sm font-medium text-slate-700">Status</span>
        <StatusBadge status={deployment.status} reason={deployment.reason} />
        {deployment.reason ? <span className="text-sm text-red-700" role="alert">{deployment.reason}</span> : null}
        {deployment.status === "waiting" || deployment.status === "loading" ? <span className="text-sm text-slate-500">Loading the model; predictions sent now wait for it.</span> : null}
      </Card>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Section title="Try a prediction" hint="One row, from the model's features. Recorded as an operation like any API call.">
          <PredictPlayground deploymentId={id} features={detail.features} exampleRow={detail.exampleRow} onResult={onResult} />
          {result && !result.ok ? (
            <ul role="alert" className="mt-4 list-disc rounded-md bg-red-50 py-2 pl-8 text-sm text-red-700">
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
          {result?.ok ? (
            <div className="mt-4 space-y-2 text-sm" data-testid="prediction-result">
              <p>
                Prediction <span className="font-mono text-base font-semibold">{JSON.stringify(result.body.prediction[0])}</span>
              </p>
              {result.body.probabilities && result.body.classes ? (
                <div className="flex flex-wrap gap-2">
                  {result.body.classes.map((c, k) => (
                    <span key={String(c)} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">
                      {String(c)}: {percent(result.body.probabilities![0]![k]!)}
                    </span>
                  ))}
                </div>
              ) : null}
            </div>
          ) : null}
        </Section>

        <Section title="Why: SHAP waterfall" hint="How each feature moved the last explained prediction from the base value to the model's output.">
          {shown ? <WaterfallChart explanation={shown.explanation} input={shown.input} /> : <p className="text-sm text-slate-500">No explained prediction yet: predict with Explain on.</p>}
        </Section>
      </div>

      <Section title="Predictions per minute">
        <PerMinuteChart points={live.perMinute} />
      </Section>

      <Section title="Operations">
        <OperationsLog deploymentId={id} />
      </Section>
    </div>
  );
}
