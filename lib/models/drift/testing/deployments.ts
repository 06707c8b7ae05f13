import { getDb } from "@/db/client";
import { deploymentOperations, deployments, type DeploymentRow } from "@/db/schema";

// Test fixtures: deployments and operations written directly, so drift's tests do not depend on
// the deployment API's own flow.

export async function insertTestDeployment(workspaceId: string, modelId: string, values: Partial<typeof deployments.$inferInsert> = {}): Promise<DeploymentRow> {
  const [row] = await getDb()
    .insert(deployments)
    .values({
      workspaceId,
      modelId,
      deploymentId: `dep-${Math.random().toString(36).slice(2, 10)}`,
      placement: { clusterID: "*", node: "*", continuum: false },
      status: "running",
      ...values,
    })
    .returning();
  return row!;
}

export async function insertTestOperations(workspaceId: string, deploymentRowId: string, inputs: unknown[], source: "predict" | "external" = "predict"): Promise<void> {
  for (let i = 0; i < inputs.length; i += 500) {
    await getDb()
      .insert(deploymentOperations)
      .values(inputs.slice(i, i + 500).map((input) => ({ workspaceId, deploymentRowId, source, input })));
  }
}
