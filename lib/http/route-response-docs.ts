import { z } from "zod";
import { healthResponseDocs } from "@/lib/health/api-docs";
import { loopResponseDocs } from "@/lib/loops/api-docs";
import { modelResponseDocs } from "@/lib/models/api-docs";
import { taskResponseDocs } from "@/lib/tasks/api-docs";
import type { RouteResponseDocs } from "./response-docs";

/** Every documented route's answers, by "METHOD /path" as the route is defined (openapi.ts reads it). */
export const ROUTE_RESPONSE_DOCS: RouteResponseDocs = {
  ...healthResponseDocs,
  ...loopResponseDocs,
  ...modelResponseDocs,
  ...taskResponseDocs,
  "GET /openapi.json": { status: 200, description: "An OpenAPI 3.1 document", schema: z.record(z.string(), z.unknown()) },
};

export const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
