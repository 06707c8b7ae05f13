import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { WorkspaceRole } from "@/db/schema";
import { getDb } from "@/db/client";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { sessionAccount } from "@/lib/auth/session-account";
import type { HeaderBag } from "@/lib/http/types";
import { allows, type Permission } from "@/lib/workspaces/roles";
import { findMembership, type WorkspaceSummary } from "@/lib/workspaces/store";
import { WORKSPACE_HEADER, workspacePath } from "@/lib/workspaces/paths";

/** The request's headers as the framework-free code reads them. */
export async function requestHeaders(): Promise<HeaderBag> {
  return Object.fromEntries((await headers()).entries());
}

/** The signed-in account of a live session, read fresh from the database so role changes and sign-outs apply at once. */
export async function currentAccount(): Promise<PublicAccount | null> {
  return sessionAccount(await requestHeaders());
}

export async function requireAccount(): Promise<PublicAccount> {
  const account = await currentAccount();
  if (!account) redirect("/login");
  return account;
}

export interface WorkspaceAccess {
  account: PublicAccount;
  workspace: WorkspaceSummary;
  role: WorkspaceRole;
  /** A dashboard path inside this workspace: ws("/loops") is "/w/<slug>/loops". */
  ws: (path: string) => string;
}

/**
 * The signed-in account in the workspace the URL names (/w/<slug>/…, passed on by the proxy as a
 * header that only it sets), with the permission the page needs. A workspace it is not a member of
 * is a 404; a cruncher on a members' page goes to Work, and a viewer on a page that changes things
 * to the overview.
 */
export async function requireWorkspace(permission: Permission = "read"): Promise<WorkspaceAccess> {
  const bag = await requestHeaders();
  const account = await sessionAccount(bag);
  if (!account) redirect("/login");
  const named = bag[WORKSPACE_HEADER];
  const slug = typeof named === "string" && named ? named : null;
  const membership = await findMembership(getDb(), account.id, slug);
  if (!membership) {
    if (slug) notFound();
    redirect("/workspaces");
  }
  const ws = (path: string) => workspacePath(membership.workspace.slug, path);
  if (!slug) redirect(ws("/")); // pages inside a workspace always have one in their URL
  if (!allows(membership.role, permission)) {
    if (allows(membership.role, "work")) redirect(ws("/work"));
    redirect(ws("/"));
  }
  return { account, workspace: membership.workspace, role: membership.role, ws };
}

/** The instance's admin (accounts, resets), in whichever workspace is open. */
export async function requireAdmin(): Promise<WorkspaceAccess> {
  const access = await requireWorkspace("read");
  if (!access.account.isAdmin) redirect(access.ws("/"));
  return access;
}
