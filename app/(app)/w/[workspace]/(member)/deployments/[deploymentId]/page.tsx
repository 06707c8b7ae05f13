import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "@/components/workspace-link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/auth";
import { Card, PageHeader } from "@/components/ui";
import { CodeSnippets } from "@/components/code-snippets";
import { getDb } from "@/db/client";
import { publicBaseUrl } from "@/lib/http/public-url";
import { deploymentDetail } from "@/lib/models/deployments/dashboard";
import { deploymentSnippets } from "@/lib/models/deployments/client-snippets";
import { describedOperation } from "@/lib/http/described-operations";
import { DeleteDeploymentButton } from "./delete-button";
import { DeploymentPanel } from "./deployment-panel";
import { DriftPanel } from "./drift-panel";
import { RolloutCard, ServingBadge } from "./rollout-card";
import { Time } from "@/components/time";
import { Breakable } from "@/components/breakable";

export const metadata: Metadata = { title: "Deployment" };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** The segment as the deployment_id it names (decoded once; ids never contain "%"). */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function DeploymentPage({ params }: { params: Promise<{ deploymentId: string }> }) {
  const { account, workspace } = await requireWorkspace("read");
  const deploymentId = decodedSegment((await params).deploymentId);
  const detail = await deploymentDetail(getDb(), workspace.id, deploymentId);
  if (!detail) notFound();
  const { deployment } = detail.live;
  const baseUrl = publicBaseUrl(Object.fromEntries((await headers()).entries()));
  const example = detail.exampleRow ?? detail.features.map((f) => (f.type === "cat" ? "a" : 0));
  const { placement } = deployment;

  return (
    <>
      <PageHeader
        title={deployment.deployment_id}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Link href={`/models/${deployment.modelid}`} className="text-indigo-600 hover:underline">{detail.modelname}</Link>
            <ServingBadge deploymentId={deployment.deployment_id} initial={detail.live} />
            {detail.estimatorClass ? <span className="font-mono text-xs text-slate-500">{detail.estimatorClass.split(".").at(-1)}</span> : null}
          </span>
        }
        actions={<DeleteDeploymentButton deploymentId={deployment.deployment_id} />}
      />
      <div className="space-y-6">
        <Card className="p-6">
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Fact label="Placement">
              cluster <span className="font-mono">{placement.clusterID}</span> · node <span className="font-mono">{placement.node}</span> · continuum <span className="font-mono">{String(placement.continuum)}</span>
            </Fact>
            <Fact label="Owner"><span className="font-mono">{deployment.ownerid || "—"}</span></Fact>
            <Fact label="Inference data">{deployment.inference_data === 1 ? "1 · values or a data link" : "0 · values"}</Fact>
            <Fact label="Estimator">
              <span className="font-mono text-xs" title={detail.estimatorClass ?? undefined}>{detail.estimatorClass?.split(".").at(-1) ?? "—"}</span>
              {detail.sklearnVersion ? <span className="text-slate-500"> · scikit-learn {detail.sklearnVersion}</span> : null}
            </Fact>
            <Fact label="Features">{detail.features.length}{detail.classes ? ` · classes ${detail.classes.map(String).join(", ")}` : ""}</Fact>
            <Fact label="Created"><Time value={deployment.created_at} /></Fact>
            <Fact label="Endpoint"><span className="font-mono text-xs">POST <Breakable text={deployment.inference_endpoint} /></span></Fact>
          </dl>
          <div className="mt-5">
            <CodeSnippets
              note="The key (a models key) goes in MODELS_KEY."
              snippets={[
                {
                  id: "predict",
                  title: "Predict",
                  hint: "POST the rows; explain: true adds the first row's SHAP values.",
                  code: deploymentSnippets(describedOperation("POST", "/deployment/{deployment_id}/predict", "bearer"), { baseUrl, deploymentId: deployment.deployment_id, example }),
                },
              ]}
            />
          </div>
        </Card>
        <RolloutCard deploymentId={deployment.deployment_id} initial={detail.live} />
        <DeploymentPanel detail={detail} />
        <DriftPanel deploymentId={deployment.deployment_id} />
      </div>
    </>
  );
}
