import type { ApiPrincipal } from "@/lib/auth/authenticate-api";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { loopsApi, modelsApi, platformApi, tasksApi } from "@/lib/http/families";
import { checkDatabase } from "./check-database";

export const healthz = defineRoute(platformApi, { method: "GET", path: "/healthz", public: true }, async () => {
  const database = await checkDatabase();
  return database.up
    ? { status: 200, body: { status: "ok", database: "up", database_latency_ms: database.latencyMs } }
    : { status: 503, body: { status: "unavailable", database: "down", error: database.error } };
});

function whoami(principal: ApiPrincipal, extra: Record<string, unknown>) {
  return {
    status: 200,
    body: { status: "ok", account: { id: principal.accountId, username: principal.username }, key: { prefix: principal.keyPrefix, ...extra } },
  };
}

/** Key-authenticated health, one per API family: proves a key works and says whose it is. */
export const familyHealthRoutes: RouteDefinition[] = [
  defineRoute(loopsApi, { method: "GET", path: "/healthz/loops" }, async ({ auth }) =>
    whoami(auth, { scope: "loops", loop_id: auth.boundLoopId }),
  ),
  defineRoute(modelsApi, { method: "GET", path: "/healthz/models" }, async ({ auth }) => whoami(auth, { scope: "models" })),
  defineRoute(tasksApi, { method: "GET", path: "/healthz/tasks" }, async ({ auth }) => whoami(auth, { scope: "tasks", mode: auth.mode })),
];
