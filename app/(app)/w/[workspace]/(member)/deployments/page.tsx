import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { requireWorkspace } from "@/app/_server/auth";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { deploymentList } from "@/lib/models/deployments/dashboard";
import { DeploymentsTable } from "./deployments-table";

export const metadata: Metadata = { title: "Deployments" };

const deployModel = (
  <Link href="/deployments/new" className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500">
    Deploy model
  </Link>
);

export default async function DeploymentsPage() {
  const { account, workspace } = await requireWorkspace("read");
  const deployments = await deploymentList(getDb(), workspace.id);
  return (
    <>
      <PageHeader title="Deployments" description="Models being served: predictions with SHAP explanations and an operations log." actions={deployModel} />
      {deployments.length === 0 ? (
        <EmptyState
          title="Nothing deployed"
          description="Each deployment shows its status, its inference endpoint, recent operations and explanations of its predictions."
          steps={[
            <>Register a model on the <Link className="text-indigo-600 hover:underline" href="/models">Models</Link> page or through the API, and upload its model file.</>,
            <>Deploy it with <Link className="text-indigo-600 hover:underline" href="/deployments/new">Deploy model</Link>, or POST /deployment/add with its modelid and a placement.</>,
            "Send inputs to the deployment's endpoint; every call is recorded as an operation.",
          ]}
          example={`curl -X POST $BASE_URL/deployment/add \\
  -H "Authorization: Bearer $MODELS_KEY" -H "Content-Type: application/json" \\
  -d '{"modelid":"<model id>","ownerid":"agent-1","deployment_id":"dep-iris-001",
       "placement":{"clusterID":"*","node":"*","continuum":true},"inference_data":0}'

curl -X POST $BASE_URL/deployment/dep-iris-001/predict \\
  -H "Authorization: Bearer $MODELS_KEY" -H "Content-Type: application/json" \\
  -d '{"data":[5.1,3.5,1.4,0.2],"explain":true}'`}
        />
      ) : (
        <DeploymentsTable initial={deployments} />
      )}
    </>
  );
}
