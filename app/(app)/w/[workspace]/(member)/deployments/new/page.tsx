import type { Metadata } from "next";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { deployOptions } from "@/lib/models/deployments/dashboard";
import { DeployForm } from "./deploy-form";

export const metadata: Metadata = { title: "Deploy model" };

export default async function NewDeploymentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { account, workspace } = await requireWorkspace("read");
  const { model } = await searchParams;
  const options = await deployOptions(getDb(), workspace.id);
  return (
    <>
      <PageHeader
        title="Deploy model"
        description="Serve a model version from this app: every instance loads it on demand and answers predictions with SHAP explanations. The same as POST /deployment/add."
      />
      <DeployForm options={options} initialModel={typeof model === "string" ? model : undefined} defaultOwner={account.username} />
    </>
  );
}
