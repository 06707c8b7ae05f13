import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Deployments" };

export default function DeploymentsPage() {
  return (
    <>
      <PageHeader title="Deployments" description="Models being served: predictions with SHAP explanations, an operations log and drift monitoring." />
      <EmptyState
        title="Nothing deployed"
        description="Each deployment will show its status, its inference endpoint, recent operations and per-feature drift over time."
        steps={[
          <>Register a model on the <Link className="text-indigo-600 hover:underline" href="/models">Models</Link> page or through the API.</>,
          "POST /deployment/add with its modelid and a placement.",
          "Send inputs to the deployment's endpoint; every call is recorded as an operation.",
        ]}
        example={`curl -X POST $BASE_URL/deployment/add \\
  -H "Authorization: Bearer $MODELS_KEY" -H "Content-Type: application/json" \\
  -d '{"modelid":"<model id>","placement":{"clusterID":"*","node":"*","continuum":true}}'`}
      />
    </>
  );
}
