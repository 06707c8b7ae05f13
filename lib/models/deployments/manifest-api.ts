import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { modelsApi } from "@/lib/http/families";
import { servingManifest, servingSettingsFromEnv } from "./manifest";
import { getDeployment } from "./store";

/** GET /deployment/{id}/manifest: the Kubernetes objects of the deployment's dedicated serving pod (manifest.ts). */
const manifest = defineRoute(
  modelsApi,
  { method: "GET", path: "/deployment/:deployment_id/manifest", summary: "A Kubernetes manifest (v1 List: Deployment and Service) of a dedicated serving pod placed by the deployment's placement" },
  async ({ request, auth }) => {
    const row = await getDeployment(getDb(), auth.workspaceId, request.params.deployment_id!);
    if (!row) throw new ApiError(404, "Deployment not found");
    return { status: 200, body: servingManifest(row, servingSettingsFromEnv()) };
  },
);

export const deploymentManifestRoutes: RouteDefinition[] = [manifest];
