import { z } from "zod";
import { getDb } from "@/db/client";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionApi } from "@/lib/http/families";
import { searchWorkspace } from "./store";

/** The dashboard's search box: what in the open workspace is called what was typed. */
const search = defineRoute(
  sessionApi,
  { method: "GET", path: "/api/search", access: "read", query: z.object({ q: z.string().max(200, "Search for at most 200 characters.").default("") }) },
  async ({ auth, query }) => ({ status: 200, headers: { "cache-control": "no-store" }, body: { hits: await searchWorkspace(getDb(), auth.workspaceId, query.q) } }),
);

export const searchSessionRoutes: RouteDefinition[] = [search];
