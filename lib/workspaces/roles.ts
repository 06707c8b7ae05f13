import type { WorkspaceRole } from "@/db/schema";

/**
 * What a route needs in the open workspace: read (viewers and up), write (members and up), work
 * (answering tasks: crunchers and members and up), manage (members, invitations, settings: admins
 * and owners), own (ownership, deleting the workspace).
 */
export type Permission = "read" | "write" | "work" | "manage" | "own";

export const WORKSPACE_ROLES = ["owner", "admin", "member", "viewer", "cruncher"] as const satisfies readonly WorkspaceRole[];

const GRANTS: Record<WorkspaceRole, ReadonlySet<Permission>> = {
  owner: new Set(["read", "write", "work", "manage", "own"]),
  admin: new Set(["read", "write", "work", "manage"]),
  member: new Set(["read", "write", "work"]),
  viewer: new Set(["read"]),
  cruncher: new Set(["work"]),
};

export function allows(role: WorkspaceRole, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

/** owner > admin > member > viewer > cruncher: a cruncher's key reads nothing. */
const RANK: Record<WorkspaceRole, number> = { owner: 4, admin: 3, member: 2, viewer: 1, cruncher: 0 };

/** What an API key may do: the lesser of its ceiling and its creator's present role. */
export function keyRole(ceiling: WorkspaceRole, creatorRole: WorkspaceRole): WorkspaceRole {
  return RANK[ceiling] <= RANK[creatorRole] ? ceiling : creatorRole;
}

/** Whether `actor` may give or take away `role` (admins cannot make or unmake owners). */
export function mayAssign(actor: WorkspaceRole, role: WorkspaceRole): boolean {
  if (actor === "owner") return true;
  return actor === "admin" && role !== "owner";
}

/** Roles a key can carry as its ceiling. */
export const KEY_ROLES = ["admin", "member", "viewer"] as const satisfies readonly WorkspaceRole[];

/** The permission a route needs when it declares none: reading for GET, writing otherwise. */
export function defaultPermission(method: string): Permission {
  return method === "GET" || method === "HEAD" ? "read" : "write";
}

export const ROLE_LABELS: Record<WorkspaceRole, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
  cruncher: "Cruncher",
};
