import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionApi } from "@/lib/http/families";
import { loopDashboard } from "./dashboard";

/** The loop page's live data (metrics, learning curve, recent predictions), for the signed-in owner. */
const live = defineRoute(sessionApi, { method: "GET", path: "/api/loops/:loop_id/live" }, async ({ request, auth }) => {
  const view = await loopDashboard(getDb(), auth.workspaceId, request.params.loop_id!);
  if (!view) throw new ApiError(404, "No such loop.");
  return { status: 200, headers: { "cache-control": "no-store" }, body: view.live };
});

export const loopSessionRoutes: RouteDefinition[] = [live];
