import { healthz } from "@/lib/health/api";
import { deploymentRoutes } from "@/lib/models/deployments/api";
import type { RouteDefinition } from "./family";
import { ApiRouter } from "./router";

/**
 * Serving-only mode: a dedicated serving pod (GET /deployment/{id}/manifest) runs the same server
 * with CRUCIBLE_SERVE_DEPLOYMENTS=<id>[,<id>…]. It answers /healthz and the named deployments'
 * inference routes from the shared database, and 404 to everything else: no dashboard, no other API,
 * no background jobs.
 */
export const SERVE_DEPLOYMENTS_ENV = "CRUCIBLE_SERVE_DEPLOYMENTS";

/** The inference routes a serving pod answers (the family's own definitions, so auth and errors are the same). */
const INFERENCE_PATHS = new Set(["/deployment/:deployment_id/predict", "/deployment/:deployment_id/prediction"]);

/** The deployment ids named in CRUCIBLE_SERVE_DEPLOYMENTS, or null when the server runs in full. */
export function servedDeploymentIds(env: NodeJS.ProcessEnv = process.env): Set<string> | null {
  const value = env[SERVE_DEPLOYMENTS_ENV];
  if (value === undefined) return null;
  const ids = value.split(",").map((id) => id.trim()).filter(Boolean);
  if (!ids.length) throw new Error(`${SERVE_DEPLOYMENTS_ENV} is set but names no deployment`);
  return new Set(ids);
}

/** A route that answers only for the served deployments, 404 (in the family's shape) for any other id. */
function onlyFor(ids: Set<string>, route: RouteDefinition): RouteDefinition {
  return {
    ...route,
    handle: (request) => (ids.has(request.params.deployment_id ?? "") ? route.handle(request) : Promise.resolve(route.errorResponse(404, "Deployment not found"))),
  };
}

/** The router of a serving-only server: /healthz and the served deployments' inference routes. */
export function servingOnlyRouter(ids: Set<string>): ApiRouter {
  const inference = deploymentRoutes.filter((route) => INFERENCE_PATHS.has(route.path));
  if (inference.length !== INFERENCE_PATHS.size) throw new Error("serving-only mode: the deployment inference routes moved");
  return new ApiRouter([healthz, ...inference.map((route) => onlyFor(ids, route))]);
}

/** What a serving-only server answers to a path it does not serve. */
export const NOT_SERVED_BODY = JSON.stringify({ detail: "Not Found: this server serves only its deployments' inference routes" });
