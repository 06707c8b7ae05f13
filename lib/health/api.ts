import type { ApiPrincipal } from "@/lib/auth/authenticate-api";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { loopsApi, modelsApi, platformApi, tasksApi } from "@/lib/http/families";
import { isDraining } from "@/lib/process-drain";
import { checkDatabase } from "./check-database";

/** 200 while the server takes requests; 503 when its database is down or it is draining (a load balancer then routes elsewhere). */
export const healthz = defineRoute(platformApi, { method: "GET", path: "/healthz", summary: "Liveness and the database: 200 ok, 503 when the database does not answer or the server is draining", public: true }, async () => {
  if (isDraining()) return { status: 503, body: { status: "draining" } };
  const database = await checkDatabase();
  return database.up
    ? { status: 200, body: { status: "ok", database: "up", database_latency_ms: database.latencyMs } }
    : { status: 503, body: { status: "unavailable", database: "down", error: database.error } };
});

function whoami(principal: ApiPrincipal, extra: Record<string, unknown>) {
  return {
    status: 200,
    body: { status: "ok", account: { id: principal.workspaceId, username: principal.username }, key: { prefix: principal.keyPrefix, ...extra } },
  };
}

/** Key-authenticated health, one per API family: proves a key works and says whose it is. */
export const familyHealthRoutes: RouteDefinition[] = [
  defineRoute(loopsApi, { method: "GET", path: "/healthz/loops", summary: "Checks a loops key: whose it is" }, async ({ auth }) =>
    whoami(auth, { scope: "loops", loop_id: auth.boundLoopId }),
  ),
  defineRoute(modelsApi, { method: "GET", path: "/healthz/models", summary: "Checks a models key: whose it is" }, async ({ auth }) => whoami(auth, { scope: "models" })),
  defineRoute(tasksApi, { method: "GET", path: "/healthz/tasks", summary: "Checks a tasks key: whose it is, live or test" }, async ({ auth }) => whoami(auth, { scope: "tasks", mode: auth.mode })),
];
