import type { WorkspaceRole } from "@/db/schema";
import { allows } from "@/lib/workspaces/roles";
import type { NavItem } from "./nav";

const READER_NAV: NavItem[] = [
  { href: "/", label: "Overview", hint: "Start here" },
  { href: "/loops", label: "Loops", hint: "Adaptive learning loops" },
  { href: "/models", label: "Models", hint: "Model registry" },
  { href: "/deployments", label: "Deployments", hint: "Served models" },
  { href: "/tasks", label: "Tasks", hint: "Human task requests" },
  { href: "/keys", label: "API keys", hint: "Keys for the three APIs" },
  { href: "/docs", label: "API reference", hint: "Every route of the three APIs" },
  { href: "/trash", label: "Trash", hint: "Deleted models, deployments and loops, restorable for 30 days" },
];
const WORK_ITEM: NavItem = { href: "/work", label: "Work", hint: "Answer tasks as a cruncher" };
const MEMBERS_ITEM: NavItem = { href: "/members", label: "Members", hint: "People, roles and invitations" };
const AUDIT_ITEM: NavItem = { href: "/audit", label: "Audit log", hint: "Who did what and when" };
const ADMIN_ITEM: NavItem = { href: "/admin", label: "Admin", hint: "Accounts on this server" };

/** The main navigation, by the role in the open workspace (a cruncher sees only Work); links stay inside the workspace. */
export function navItemsFor(role: WorkspaceRole | null, isAdmin: boolean): NavItem[] {
  const items: NavItem[] = [];
  if (role && allows(role, "read")) items.push(...READER_NAV);
  if (role && allows(role, "work")) items.push(WORK_ITEM);
  if (role && allows(role, "read")) items.push(MEMBERS_ITEM);
  if (role && allows(role, "manage")) items.push(AUDIT_ITEM);
  if (isAdmin && role && allows(role, "read")) items.push(ADMIN_ITEM);
  return items;
}

/** Where the brand links: the open workspace's overview (a cruncher's Work), else the list of workspaces. */
export function homeHrefFor(slug: string | null, role: WorkspaceRole | null): string {
  return slug ? `/w/${encodeURIComponent(slug)}${role === "cruncher" ? "/work" : ""}` : "/workspaces";
}
