import type { Database } from "@/db/client";
import type { WorkspaceRole } from "@/db/schema";
import { setAccountDisabled } from "@/lib/auth/accounts-store";
import { forgetAccountKeysEverywhere, forgetWorkspaceKeysEverywhere } from "@/lib/auth/key-lookup";
import { revokeAccountSessions } from "@/lib/auth/sessions-store";
import { recordAudit, recordAuditForAccount, type AuditActor } from "./audit";
import { removeMember, setMemberRole, setWorkspaceTrashed, transferOwnership, type MemberChange } from "./store";

/**
 * Changes that take effect at once everywhere: every server forgets the cached keys they touch
 * (sessions read their role afresh on each request), and each is written to the audit log.
 */

export async function changeMemberRole(db: Database, workspaceId: string, actor: AuditActor, accountId: string, label: string, role: WorkspaceRole): Promise<MemberChange> {
  const result = await setMemberRole(db, workspaceId, accountId, role);
  if (result.ok && result.before !== role) {
    await forgetWorkspaceKeysEverywhere(workspaceId);
    await recordAudit(db, workspaceId, actor, { action: "member.role_changed", target: label, detail: { from: result.before, to: role } });
  }
  return result;
}

export async function removeWorkspaceMember(db: Database, workspaceId: string, actor: AuditActor, accountId: string, label: string): Promise<MemberChange> {
  const result = await removeMember(db, workspaceId, accountId);
  if (result.ok) {
    await forgetWorkspaceKeysEverywhere(workspaceId);
    await recordAudit(db, workspaceId, actor, { action: "member.removed", target: label, detail: { role: result.before } });
  }
  return result;
}

export async function transferWorkspace(db: Database, workspaceId: string, actor: AuditActor & { id: string }, toAccountId: string, label: string): Promise<MemberChange> {
  const result = await transferOwnership(db, workspaceId, actor.id, toAccountId);
  if (result.ok) {
    await forgetWorkspaceKeysEverywhere(workspaceId);
    await recordAudit(db, workspaceId, actor, { action: "workspace.ownership_transferred", target: label });
  }
  return result;
}

/** Moves a workspace to the trash (its keys stop at once) or restores it. */
export async function trashWorkspace(db: Database, workspaceId: string, actor: AuditActor, trashed: boolean): Promise<boolean> {
  const done = await setWorkspaceTrashed(db, workspaceId, trashed);
  if (done) {
    await forgetWorkspaceKeysEverywhere(workspaceId);
    await recordAudit(db, workspaceId, actor, { action: trashed ? "workspace.trashed" : "workspace.restored" });
  }
  return done;
}

export type DisableResult = { ok: true } | { ok: false; status: 403 | 404; message: string };

/** An admin disables (or enables) an account: its sessions and keys stop at once; its data stays with its workspaces. */
export async function setAccountEnabled(db: Database, admin: AuditActor, accountId: string, label: string, enabled: boolean): Promise<DisableResult> {
  if (admin.id !== null && admin.id === accountId && !enabled) return { ok: false, status: 403, message: "You cannot disable your own account." };
  if (!(await setAccountDisabled(db, accountId, !enabled))) return { ok: false, status: 404, message: "No such account." };
  if (!enabled) await revokeAccountSessions(db, accountId);
  await forgetAccountKeysEverywhere(accountId);
  await recordAuditForAccount(db, accountId, admin, { action: enabled ? "account.enabled" : "account.disabled", target: label });
  return { ok: true };
}
