import NextLink from "next/link";
import type { ReactNode } from "react";
import type { WorkspaceRole } from "@/db/schema";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { allows } from "@/lib/workspaces/roles";
import type { Membership, WorkspaceSummary } from "@/lib/workspaces/store";
import { WorkspaceProvider } from "@/components/workspace-link";
import { HealthIndicator } from "./health-indicator";
import { Nav, type NavItem } from "./nav";
import { SignOutButton } from "./sign-out-button";
import { WorkspaceSwitcher } from "./workspace-switcher";

const READER_NAV: NavItem[] = [
  { href: "/", label: "Overview", hint: "Start here" },
  { href: "/loops", label: "Loops", hint: "Adaptive learning loops" },
  { href: "/models", label: "Models", hint: "Model registry" },
  { href: "/deployments", label: "Deployments", hint: "Served models" },
  { href: "/tasks", label: "Tasks", hint: "Human task requests" },
  { href: "/keys", label: "API keys", hint: "Keys for the three APIs" },
];
const WORK_ITEM: NavItem = { href: "/work", label: "Work", hint: "Answer tasks as a cruncher" };
const MEMBERS_ITEM: NavItem = { href: "/members", label: "Members", hint: "People, roles and invitations" };
const AUDIT_ITEM: NavItem = { href: "/audit", label: "Audit log", hint: "Who did what and when" };
const ADMIN_ITEM: NavItem = { href: "/admin", label: "Admin", hint: "Accounts on this server" };

/** What the navigation offers: by the role in the open workspace (a cruncher sees only Work). */
export function navItems(role: WorkspaceRole | null, isAdmin: boolean): NavItem[] {
  const items: NavItem[] = [];
  if (role && allows(role, "read")) items.push(...READER_NAV);
  if (role && allows(role, "work")) items.push(WORK_ITEM);
  if (role && allows(role, "read")) items.push(MEMBERS_ITEM);
  if (role && allows(role, "manage")) items.push(AUDIT_ITEM);
  if (isAdmin && role && allows(role, "read")) items.push(ADMIN_ITEM);
  return items;
}

export interface ShellWorkspace {
  current: WorkspaceSummary | null;
  role: WorkspaceRole | null;
  memberships: Membership[];
}

export function AppShell({ account, workspace, children }: { account: PublicAccount; workspace: ShellWorkspace; children: ReactNode }) {
  const { current, role } = workspace;
  const home = current ? `/w/${encodeURIComponent(current.slug)}${role === "cruncher" ? "/work" : ""}` : "/workspaces";
  return (
    <WorkspaceProvider slug={current?.slug ?? null}>
      <div className="flex min-h-screen">
        <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-5">
          <NextLink href={home} className="mb-4 px-3 text-lg font-bold tracking-tight">
            <span className="text-indigo-600">◆</span> Crucible
          </NextLink>
          <WorkspaceSwitcher current={current} role={role} memberships={workspace.memberships} />
          <Nav items={navItems(role, account.isAdmin)} />
          <div className="mt-auto space-y-3 border-t border-slate-100 px-3 pt-4">
            <HealthIndicator />
            <div className="text-sm">
              <div className="truncate font-medium text-slate-800" title={account.email}>{account.username}</div>
              <NextLink href="/account" className="text-xs text-slate-500 hover:text-slate-800">Account settings</NextLink>
            </div>
            <SignOutButton />
          </div>
        </aside>
        <main className="min-w-0 flex-1 px-10 py-8">{children}</main>
      </div>
    </WorkspaceProvider>
  );
}
