import { getDb } from "@/db/client";
import type { WorkspaceRole } from "@/db/schema";
import { header, type HeaderBag } from "@/lib/http/types";
import { allows, type Permission } from "@/lib/workspaces/roles";
import { WORKSPACE_HEADER } from "@/lib/workspaces/paths";
import { findMembership, type WorkspaceSummary } from "@/lib/workspaces/store";
import type { PublicAccount } from "./accounts-store";
import { sessionAccount } from "./session-account";

/**
 * Who may call a dashboard session route: a permission in the open workspace (read, write, work,
 * manage, own), `account` (anyone signed in, whatever workspace: their own settings) or `admin`
 * (the instance's admin).
 */
export type SessionAccess = Permission | "account" | "admin";

export { WORKSPACE_HEADER };

export interface SessionPrincipal {
  /** The signed-in account: the actor. */
  accountId: string;
  account: PublicAccount;
  /** The open workspace: every domain query is scoped by it. Empty for `account` and `admin` routes without one. */
  workspaceId: string;
  workspace: WorkspaceSummary | null;
  role: WorkspaceRole | null;
}

type Outcome = { ok: true; principal: SessionPrincipal } | { ok: false; status: 401 | 403 | 404; message: string };

const REFUSALS: Record<Permission, string> = {
  read: "You are not a member of this workspace.",
  write: "Your role in this workspace only lets you look (viewer) or answer tasks.",
  work: "Your role in this workspace does not include answering tasks.",
  manage: "Only the workspace's owners and admins can do this.",
  own: "Only the workspace's owner can do this.",
};

/** The workspace a request names: the dashboard's header, else `?ws=` (links and downloads). */
export function requestedWorkspace(headers: HeaderBag, query?: URLSearchParams): string | null {
  return header(headers, WORKSPACE_HEADER)?.trim() || query?.get("ws")?.trim() || null;
}

/** The signed-in account of a live session, with its role in the open workspace, if it has the access the route declares. */
export async function authenticateSession(headers: HeaderBag, access: SessionAccess, query?: URLSearchParams): Promise<Outcome> {
  const account = await sessionAccount(headers);
  if (!account) return { ok: false, status: 401, message: "Sign in first." };
  const membership = await findMembership(getDb(), account.id, requestedWorkspace(headers, query));
  const principal: SessionPrincipal = {
    accountId: account.id,
    account,
    workspaceId: membership?.workspace.id ?? "",
    workspace: membership?.workspace ?? null,
    role: membership?.role ?? null,
  };
  if (access === "account") return { ok: true, principal };
  if (access === "admin") return account.isAdmin ? { ok: true, principal } : { ok: false, status: 403, message: "Only an admin of this server can do this." };
  if (!membership) return { ok: false, status: 404, message: "No such workspace, or you are not a member of it." };
  return allows(membership.role, access) ? { ok: true, principal } : { ok: false, status: 403, message: REFUSALS[access] };
}
