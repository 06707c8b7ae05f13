import { benchEmptyRoute } from "@/lib/bench/empty-route";
import { familyHealthRoutes, healthz } from "@/lib/health/api";
import { loopRoutes } from "@/lib/loops/api";
import { modelRoutes } from "@/lib/models/api";
import { ApiRouter } from "./router";

/** Every API route of every family. Both adapters (app/**\/route.ts and server.ts) serve this router. */
export const apiRouter = new ApiRouter([
  healthz,
  ...familyHealthRoutes,
  ...loopRoutes,
  ...modelRoutes,
  ...(process.env.CRUCIBLE_BENCH_ROUTES === "1" ? [benchEmptyRoute] : []),
]);
