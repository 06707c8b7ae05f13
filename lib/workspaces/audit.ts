import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditEvents, workspaceMembers, type AuditEvent } from "@/db/schema";

type DbLike = Pick<Database, "insert" | "select">;

/** Every action the audit log records, with how the page names it. */
export const AUDIT_ACTIONS = {
  "session.signed_in": "Signed in",
  "key.created": "API key created",
  "key.revoked": "API key revoked",
  "member.invited": "Invitation sent",
  "invitation.revoked": "Invitation withdrawn",
  "member.joined": "Joined by invitation",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "workspace.ownership_transferred": "Ownership transferred",
  "workspace.created": "Workspace created",
  "workspace.renamed": "Workspace renamed",
  "workspace.trashed": "Workspace moved to the trash",
  "workspace.restored": "Workspace restored",
  "account.disabled": "Account disabled",
  "account.enabled": "Account enabled",
  "account.password_reset_link": "Password reset link made",
  "account.password_changed": "Password changed",
  "model.deleted": "Model deleted",
  "deployment.deleted": "Deployment deleted",
  "deployment.rolled": "Deployment rolled to a new version",
  "deployment.roll_failed": "Deployment roll refused",
  "deployment.rolled_back": "Deployment rolled back",
  "deployment.followed": "Deployment follows an alias again",
  "model.alias_set": "Model alias set",
  "loop.deleted": "Loop deleted",
  "model.trashed": "Model moved to the trash",
  "model.restored": "Model restored",
  "model.purged": "Model deleted forever",
  "deployment.trashed": "Deployment moved to the trash",
  "deployment.restored": "Deployment restored",
  "deployment.purged": "Deployment deleted forever",
  "loop.trashed": "Loop moved to the trash",
  "loop.restored": "Loop restored",
  "loop.purged": "Loop deleted forever",
  "loop.renamed": "Loop renamed",
  "loop.reset": "Loop reset",
  "training.promoted": "Retrained version promoted",
  "settings.changed": "Settings changed",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditActor {
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, label: "system" };

/** An API request's actor: the key's creator, naming the key. */
export const keyActor = (auth: { actorId: string; username: string; keyPrefix: string }): AuditActor => ({ id: auth.actorId, label: `${auth.username} (key ${auth.keyPrefix}…)` });

export interface AuditEntry {
  action: AuditAction;
  target?: string;
  detail?: Record<string, unknown>;
}

const eventRow = (workspaceId: string, actor: AuditActor, entry: AuditEntry) => ({
  workspaceId,
  actorId: actor.id,
  actorLabel: actor.label.slice(0, 200),
  action: entry.action,
  target: (entry.target ?? "").slice(0, 500),
  detail: entry.detail ?? {},
});

export async function recordAudit(db: DbLike, workspaceId: string, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values(eventRow(workspaceId, actor, entry));
}

/** The same event in every workspace the account belongs to (sign-ins, an account disabled). */
export async function recordAuditForAccount(db: Database, accountId: string, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const rows = await db.select({ workspaceId: workspaceMembers.workspaceId }).from(workspaceMembers).where(eq(workspaceMembers.accountId, accountId));
  if (!rows.length) return;
  await db.insert(auditEvents).values(rows.map((r) => eventRow(r.workspaceId, actor, entry)));
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  /** Keyset cursor: events older than this id. */
  before?: number;
  limit: number;
}

/** One page of the workspace's log, newest first; stays fast at any depth (keyset on the id). */
export async function listAudit(db: Database, workspaceId: string, query: AuditQuery): Promise<{ events: AuditEvent[]; nextBefore: number | null }> {
  const where: SQL[] = [eq(auditEvents.workspaceId, workspaceId)];
  if (query.actorId) where.push(eq(auditEvents.actorId, query.actorId));
  if (query.action) where.push(eq(auditEvents.action, query.action));
  if (query.before) where.push(lt(auditEvents.id, query.before));
  const rows = await db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.id)).limit(query.limit + 1);
  const events = rows.slice(0, query.limit);
  return { events, nextBefore: rows.length > query.limit ? events[events.length - 1]!.id : null };
}

/** People who appear in the workspace's log, for the page's filter. */
export async function auditActors(db: Database, workspaceId: string): Promise<{ id: string; label: string }[]> {
  const rows = await db.execute<{ id: string; label: string }>(sql`
    select distinct on (actor_id) actor_id as id, actor_label as label from audit_events
    where workspace_id = ${workspaceId} and actor_id is not null order by actor_id, id desc limit 500`);
  return [...rows];
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : value);

/** The log as CSV (time, actor, action, target, detail), newest first; formula-looking cells are neutralised. */
export function auditCsv(events: AuditEvent[]): string {
  const lines = ["time,actor,action,target,detail"];
  for (const e of events) lines.push([e.createdAt.toISOString(), e.actorLabel, e.action, e.target, JSON.stringify(e.detail)].map(csvCell).join(","));
  return `${lines.join("\n")}\n`;
}
