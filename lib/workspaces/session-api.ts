import { z } from "zod";
import { getDb } from "@/db/client";
import type { SessionPrincipal } from "@/lib/auth/authenticate-session";
import { getAccount } from "@/lib/auth/accounts-store";
import { forgetWorkspaceKeysEverywhere } from "@/lib/auth/key-lookup";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionApi } from "@/lib/http/families";
import { publicBaseUrl } from "@/lib/http/public-url";
import { isUuid } from "@/lib/ids";
import { mailConfigured, sendMail } from "@/lib/mail/send";
import { AUDIT_ACTIONS, auditCsv, listAudit, recordAudit, type AuditActor } from "./audit";
import { acceptInvitation, createInvitation, listInvitations, revokeInvitation } from "./invitations";
import { changeMemberRole, removeWorkspaceMember, transferWorkspace, trashWorkspace } from "./lifecycle";
import { mayAssign, WORKSPACE_ROLES } from "./roles";
import { createWorkspace, listMembers, memberRole, renameWorkspace } from "./store";

const NO_STORE = { "cache-control": "no-store" };

export const actorOf = (auth: SessionPrincipal): AuditActor & { id: string } => ({ id: auth.accountId, label: auth.account.username });

const email = z.string().trim().min(3, "Enter an e-mail address.").max(320).pipe(z.email("Enter a valid e-mail address."));
const role = z.enum(WORKSPACE_ROLES, "Choose owner, admin, member, viewer or cruncher.");
const workspaceName = z.string().trim().min(1, "Give the workspace a name.").max(80, "A name has at most 80 characters.");

function accountParam(params: Record<string, string>): string {
  const id = params.account_id ?? "";
  if (!isUuid(id)) throw new ApiError(404, "No such member.");
  return id;
}

async function labelOf(accountId: string): Promise<string> {
  return (await getAccount(getDb(), accountId))?.username ?? accountId;
}

/** People in the workspace and (for its managers) the invitations. */
const members = defineRoute(sessionApi, { method: "GET", path: "/api/workspace/members", access: "read" }, async ({ auth }) => {
  const db = getDb();
  const manager = auth.role === "owner" || auth.role === "admin";
  const [people, invitations] = await Promise.all([listMembers(db, auth.workspaceId), manager ? listInvitations(db, auth.workspaceId) : []]);
  return { status: 200, headers: NO_STORE, body: { workspace: auth.workspace, role: auth.role, members: people, invitations, mail: mailConfigured() } };
});

/** An invitation link (shown once; also mailed when SMTP is set). Admins cannot invite owners. */
const invite = defineRoute(
  sessionApi,
  { method: "POST", path: "/api/workspace/invitations", access: "manage", body: z.object({ email, role }) },
  async ({ request, auth, body }) => {
    if (!mayAssign(auth.role!, body.role)) throw new ApiError(403, "Only an owner can invite another owner.");
    const db = getDb();
    const { invitation, token } = await createInvitation(db, auth.workspaceId, auth.accountId, body.email, body.role);
    const url = `${publicBaseUrl(request.headers)}/invite/${token}`;
    await recordAudit(db, auth.workspaceId, actorOf(auth), { action: "member.invited", target: invitation.email, detail: { role: invitation.role } });
    const mailed = await sendMail({
      to: invitation.email,
      subject: `${auth.account.username} invited you to ${auth.workspace!.name} on Crucible`,
      text: `${auth.account.username} invited you to the workspace "${auth.workspace!.name}" as ${invitation.role}.\n\nAccept within 7 days: ${url}\n`,
    });
    return { status: 201, headers: NO_STORE, body: { invitation, url, mailed } };
  },
);

const withdraw = defineRoute(sessionApi, { method: "DELETE", path: "/api/workspace/invitations/:invitation_id", access: "manage" }, async ({ request, auth }) => {
  const id = request.params.invitation_id ?? "";
  const revoked = isUuid(id) ? await revokeInvitation(getDb(), auth.workspaceId, id) : null;
  if (!revoked) throw new ApiError(404, "No such open invitation.");
  await recordAudit(getDb(), auth.workspaceId, actorOf(auth), { action: "invitation.revoked", target: revoked.email });
  return { status: 200, headers: NO_STORE, body: { invitation: revoked } };
});

const changeRole = defineRoute(
  sessionApi,
  { method: "PATCH", path: "/api/workspace/members/:account_id", access: "manage", body: z.object({ role }) },
  async ({ request, auth, body }) => {
    const accountId = accountParam(request.params);
    const db = getDb();
    const current = await memberRole(db, auth.workspaceId, accountId);
    if (!current) throw new ApiError(404, "No such member.");
    if (!mayAssign(auth.role!, current) || !mayAssign(auth.role!, body.role)) throw new ApiError(403, "Only an owner can change an owner's role or make someone owner.");
    const result = await changeMemberRole(db, auth.workspaceId, actorOf(auth), accountId, await labelOf(accountId), body.role);
    if (!result.ok) throw new ApiError(result.status, result.message);
    return { status: 200, headers: NO_STORE, body: { accountId, role: body.role } };
  },
);

/** Removes a member (managers), or leaves the workspace (anyone, for themselves). */
const remove = defineRoute(sessionApi, { method: "DELETE", path: "/api/workspace/members/:account_id", access: "account" }, async ({ request, auth }) => {
  const accountId = accountParam(request.params);
  if (!auth.role) throw new ApiError(404, "No such workspace, or you are not a member of it.");
  const db = getDb();
  if (accountId !== auth.accountId) {
    const current = await memberRole(db, auth.workspaceId, accountId);
    if (!current) throw new ApiError(404, "No such member.");
    if (!mayAssign(auth.role, current)) throw new ApiError(403, "Only the workspace's owners and admins can remove members, and only owners can remove an owner.");
  }
  const result = await removeWorkspaceMember(db, auth.workspaceId, actorOf(auth), accountId, await labelOf(accountId));
  if (!result.ok) throw new ApiError(result.status, result.message);
  return { status: 200, headers: NO_STORE, body: { removed: accountId } };
});

const transfer = defineRoute(
  sessionApi,
  { method: "POST", path: "/api/workspace/transfer", access: "own", body: z.object({ accountId: z.uuid("Choose a member.") }) },
  async ({ auth, body }) => {
    const result = await transferWorkspace(getDb(), auth.workspaceId, actorOf(auth), body.accountId, await labelOf(body.accountId));
    if (!result.ok) throw new ApiError(result.status, result.message);
    return { status: 200, headers: NO_STORE, body: { owner: body.accountId } };
  },
);

const rename = defineRoute(sessionApi, { method: "PATCH", path: "/api/workspace", access: "manage", body: z.object({ name: workspaceName }) }, async ({ auth, body }) => {
  await renameWorkspace(getDb(), auth.workspaceId, body.name);
  await recordAudit(getDb(), auth.workspaceId, actorOf(auth), { action: "workspace.renamed", target: body.name, detail: { from: auth.workspace!.name } });
  return { status: 200, headers: NO_STORE, body: { name: body.name } };
});

/** To the trash: hidden, its keys refused, restorable by an owner from the workspaces page. */
const trash = defineRoute(sessionApi, { method: "DELETE", path: "/api/workspace", access: "own" }, async ({ auth }) => {
  await trashWorkspace(getDb(), auth.workspaceId, actorOf(auth), true);
  return { status: 200, headers: NO_STORE, body: { trashed: auth.workspaceId } };
});

const create = defineRoute(sessionApi, { method: "POST", path: "/api/workspaces", access: "account", body: z.object({ name: workspaceName }) }, async ({ auth, body }) => {
  const workspace = await createWorkspace(getDb(), auth.accountId, body.name);
  await recordAudit(getDb(), workspace.id, actorOf(auth), { action: "workspace.created", target: workspace.name });
  return { status: 201, headers: NO_STORE, body: { workspace } };
});

const restore = defineRoute(sessionApi, { method: "POST", path: "/api/workspaces/:workspace_id/restore", access: "account" }, async ({ request, auth }) => {
  const id = request.params.workspace_id ?? "";
  const db = getDb();
  if (!isUuid(id) || (await memberRole(db, id, auth.accountId)) !== "owner") throw new ApiError(404, "No such workspace in your trash.");
  await trashWorkspace(db, id, actorOf(auth), false);
  return { status: 200, headers: NO_STORE, body: { restored: id } };
});

/** Accepts an invitation as the signed-in account (the invited address only). */
const accept = defineRoute(sessionApi, { method: "POST", path: "/api/invitations/:token/accept", access: "account" }, async ({ request, auth }) => {
  const db = getDb();
  const result = await acceptInvitation(db, request.params.token ?? "", auth.account);
  if (!result.ok) throw new ApiError(409, result.message);
  const { invitation } = result;
  await forgetWorkspaceKeysEverywhere(invitation.workspaceId); // keys the account made there before may act again
  await recordAudit(db, invitation.workspaceId, actorOf(auth), { action: "member.joined", target: auth.account.email, detail: { role: invitation.role } });
  return { status: 200, headers: NO_STORE, body: { workspace: { id: invitation.workspaceId, slug: invitation.workspaceSlug, name: invitation.workspaceName }, role: invitation.role } };
});

const auditQuery = z.object({
  actor: z.uuid("An actor is an account id.").optional(),
  action: z.enum(Object.keys(AUDIT_ACTIONS) as [string, ...string[]], "Unknown action.").optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const audit = defineRoute(sessionApi, { method: "GET", path: "/api/workspace/audit", access: "manage", query: auditQuery }, async ({ auth, query }) => {
  const page = await listAudit(getDb(), auth.workspaceId, { actorId: query.actor, action: query.action, before: query.before, limit: query.limit });
  return { status: 200, headers: NO_STORE, body: page };
});

/** The whole filtered log as CSV (up to 100,000 events), read in pages so memory stays bounded per page. */
const auditExport = defineRoute(sessionApi, { method: "GET", path: "/api/workspace/audit.csv", access: "manage", query: auditQuery.omit({ limit: true, before: true }) }, async ({ auth, query }) => {
  const db = getDb();
  const events = [];
  let before: number | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listAudit(db, auth.workspaceId, { actorId: query.actor, action: query.action, before, limit: 1000 });
    events.push(...page.events);
    if (!page.nextBefore) break;
    before = page.nextBefore;
  }
  return {
    status: 200,
    headers: { ...NO_STORE, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-${auth.workspace!.slug}.csv"` },
    body: Buffer.from(auditCsv(events)),
  };
});

export const workspaceSessionRoutes: RouteDefinition[] = [members, invite, withdraw, changeRole, remove, transfer, rename, trash, create, restore, accept, audit, auditExport];
