import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { isUuid } from "@/lib/ids";

export const SEARCH_KINDS = ["loop", "model", "deployment", "request"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  /** The id the dashboard's page for it takes. */
  id: string;
  title: string;
  /** A second line: the id, the status, the version. */
  detail: string;
}

/** Hits of each kind at most. */
export const HITS_PER_KIND = 5;
/** Request instructions are searched among the newest this many requests of each mode, so a search stays fast at a million requests; an id is found at any age. */
export const RECENT_REQUESTS_SEARCHED = 20_000;

/** `%`, `_` and `\` match themselves. */
const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Loops, models, deployments and task requests of one workspace whose name (a request's instruction)
 * contains the words typed, or whose id is the one typed. Names match before ids, newest first.
 * What is in the trash is not found.
 */
export async function searchWorkspace(db: Database, workspaceId: string, query: string): Promise<SearchHit[]> {
  const q = query.trim();
  if (!q) return [];
  const like = likePattern(q);
  const id = isUuid(q) ? q.toLowerCase() : null;
  const rows = await db.execute<{ kind: SearchKind; id: string; title: string; detail: string }>(sql`
    (select 'loop' as kind, id::text as id, name as title, id::text as detail from loops
      where workspace_id = ${workspaceId} and deleted_at is null and (name ilike ${like} or id::text = ${id})
      order by created_at desc limit ${HITS_PER_KIND})
    union all
    (select 'model', id::text, modelname, modelkind from models
      where workspace_id = ${workspaceId} and deleted_at is null and (modelname ilike ${like} or id::text = ${id})
      order by created_at desc limit ${HITS_PER_KIND})
    union all
    (select 'deployment', deployment_id, deployment_id, status::text from deployments
      where workspace_id = ${workspaceId} and deleted_at is null and (deployment_id ilike ${like} or id::text = ${id})
      order by created_at desc limit ${HITS_PER_KIND})
    union all
    (select 'request', r.id::text, coalesce(r.params->>'instruction', ''), r.status::text || ' · ' || r.mode::text from (
        (select id, params, status, mode, created_at from task_requests where workspace_id = ${workspaceId} and mode = 'live' order by created_at desc limit ${RECENT_REQUESTS_SEARCHED})
        union all
        (select id, params, status, mode, created_at from task_requests where workspace_id = ${workspaceId} and mode = 'test' order by created_at desc limit ${RECENT_REQUESTS_SEARCHED})
      ) r
      where r.params->>'instruction' ilike ${like}
      order by r.created_at desc limit ${HITS_PER_KIND})
    union all
    (select 'request', id::text, coalesce(params->>'instruction', ''), status::text || ' · ' || mode::text from task_requests
      where ${id}::uuid is not null and id = ${id}::uuid and workspace_id = ${workspaceId})`);
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      const key = `${r.kind}:${r.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((r) => ({ kind: r.kind, id: r.id, title: r.title, detail: r.detail }));
}
