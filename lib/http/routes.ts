import { accountSessionRoutes } from "@/lib/auth/account-api";
import { benchEmptyRoute } from "@/lib/bench/empty-route";
import { familyHealthRoutes, healthz } from "@/lib/health/api";
import { loopRoutes } from "@/lib/loops/api";
import { loopSessionRoutes } from "@/lib/loops/session-api";
import { modelRoutes } from "@/lib/models/api";
import { deploymentRoutes } from "@/lib/models/deployments/api";
import { deploymentManifestRoutes } from "@/lib/models/deployments/manifest-api";
import { deploymentSessionRoutes } from "@/lib/models/deployments/session-api";
import { driftSessionRoutes } from "@/lib/models/drift/session-api";
import { modelSessionRoutes } from "@/lib/models/session-api";
import { trainingRoutes } from "@/lib/models/training/api";
import { taskRoutes } from "@/lib/tasks/api";
import { taskBatchRoutes } from "@/lib/tasks/batch-api";
import { taskFileRoutes } from "@/lib/tasks/files-api";
import { taskSessionRoutes } from "@/lib/tasks/session-api";
import { bulkTaskSessionRoutes } from "@/lib/tasks/bulk/session-api";
import { taskExportRoutes } from "@/lib/tasks/bulk/export-api";
import { searchSessionRoutes } from "@/lib/search/session-api";
import { trashSessionRoutes } from "@/lib/trash/session-api";
import { workspaceSessionRoutes } from "@/lib/workspaces/session-api";
import { openApiRoute } from "./openapi-route";
import { ApiRouter } from "./router";

/**
 * Every route of every family: the public APIs and the dashboard's session routes (/api/…). Both
 * adapters (app/**\/route.ts and server.ts's fast path) serve this router.
 */
export const apiRouter = new ApiRouter([
  healthz,
  ...familyHealthRoutes,
  ...loopRoutes,
  ...modelRoutes,
  ...deploymentRoutes,
  ...deploymentManifestRoutes,
  ...trainingRoutes,
  ...taskRoutes,
  ...taskBatchRoutes,
  ...taskFileRoutes,
  ...loopSessionRoutes,
  ...modelSessionRoutes,
  ...deploymentSessionRoutes,
  ...driftSessionRoutes,
  ...taskSessionRoutes,
  ...bulkTaskSessionRoutes,
  ...taskExportRoutes,
  ...trashSessionRoutes,
  ...workspaceSessionRoutes,
  ...searchSessionRoutes,
  ...accountSessionRoutes,
  ...(process.env.CRUCIBLE_BENCH_ROUTES === "1" ? [benchEmptyRoute] : []),
]);

apiRouter.add(openApiRoute(() => apiRouter.list()));
