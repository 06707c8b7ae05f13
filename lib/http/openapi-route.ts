import { z } from "zod";
import { defineRoute, type RouteDefinition } from "./family";
import { platformApi } from "./families";
import { DOCUMENTED_FAMILIES, openApiDocument } from "./openapi";
import { publicBaseUrl } from "./public-url";

const query = z.object({
  family: z.enum(DOCUMENTED_FAMILIES).optional().describe("One family's description (loops, models, tasks, platform); all of them when absent"),
});

/** GET /openapi.json: the description of the routes `routes()` lists (the router's own, given late to avoid a cycle). */
export function openApiRoute(routes: () => RouteDefinition[]): RouteDefinition {
  return defineRoute(platformApi, { method: "GET", path: "/openapi.json", public: true, query, summary: "This API's OpenAPI 3.1 description" }, async ({ request, query: q }) => ({
    status: 200,
    headers: { "cache-control": "no-cache" },
    body: openApiDocument(routes(), { families: q.family ? [q.family] : undefined, serverUrl: publicBaseUrl(request.headers) }),
  }));
}
