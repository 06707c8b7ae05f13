import type { Database } from "@/db/client";
import { workspacePath } from "./paths";
import { membershipsOf } from "./store";

/**
 * Where a dashboard path without a workspace ("/", "/loops/…", bookmarks from before workspaces)
 * goes: the same page in the account's default workspace (its personal one, else the first it
 * joined; a cruncher's home is Work), or the list of workspaces when it has none.
 */
export async function defaultWorkspacePath(db: Database, accountId: string, path: string): Promise<string> {
  const [home] = await membershipsOf(db, accountId);
  if (!home) return "/workspaces";
  return workspacePath(home.workspace.slug, home.role === "cruncher" && path === "/" ? "/work" : path);
}
