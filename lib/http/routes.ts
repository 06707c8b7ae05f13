import { benchEmptyRoute } from "@/lib/bench/empty-route";
import { familyHealthRoutes, healthz } from "@/lib/health/api";
import { loopRoutes } from "@/lib/loops/api";
import { modelRoutes } from "@/lib/models/api";
import { deploymentRoutes } from "@/lib/models/deployments/api";
import { trainingRoutes } from "@/lib/models/training/api";
import { taskRoutes } from "@/lib/tasks/api";
import { taskFileRoutes } from "@/lib/tasks/files-api";
import { ApiRouter } from "./router";

/** Every API route of every family. Both adapters (app/**\/route.ts and server.ts) serve this router. */
export const apiRouter = new ApiRouter([
  healthz,
  ...familyHealthRoutes,
  ...loopRoutes,
  ...modelRoutes,
  ...deploymentRoutes,
  ...trainingRoutes,
  ...taskRoutes,
  ...taskFileRoutes,
  ...(process.env.CRUCIBLE_BENCH_ROUTES === "1" ? [benchEmptyRoute] : []),
]);
