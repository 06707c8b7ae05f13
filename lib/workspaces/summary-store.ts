import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export interface WorkspaceSummaryCounts {
  loops: number;
  models: number;
  deployments: number;
  /** Live requests still waiting for answers. */
  pendingRequests: number;
  activeKeys: number;
}

/** What the workspace holds, for its overview: one statement, each count read from an index on the workspace. */
export async function workspaceCounts(db: Database, workspaceId: string): Promise<WorkspaceSummaryCounts> {
  const [row] = await db.execute<{ loops: number; models: number; deployments: number; pending_requests: number; active_keys: number }>(sql`
    select
      (select count(*)::int from loops where workspace_id = ${workspaceId} and deleted_at is null) as loops,
      (select count(*)::int from models where workspace_id = ${workspaceId} and deleted_at is null) as models,
      (select count(*)::int from deployments where workspace_id = ${workspaceId} and deleted_at is null) as deployments,
      (select count(*)::int from (select 1 from task_requests where workspace_id = ${workspaceId} and mode = 'live' and status = 'pending' limit 10000) p) as pending_requests,
      (select count(*)::int from api_keys where workspace_id = ${workspaceId} and revoked_at is null and (expires_at is null or expires_at > now())) as active_keys`);
  return { loops: row!.loops, models: row!.models, deployments: row!.deployments, pendingRequests: row!.pending_requests, activeKeys: row!.active_keys };
}
