import Link from "next/link";
import type { ReactNode } from "react";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { HealthIndicator } from "./health-indicator";
import { Nav, type NavItem } from "./nav";
import { SignOutButton } from "./sign-out-button";

const MEMBER_NAV: NavItem[] = [
  { href: "/", label: "Overview", hint: "Start here" },
  { href: "/loops", label: "Loops", hint: "Adaptive learning loops" },
  { href: "/models", label: "Models", hint: "Model registry" },
  { href: "/deployments", label: "Deployments", hint: "Served models" },
  { href: "/tasks", label: "Tasks", hint: "Human task requests" },
  { href: "/keys", label: "API keys", hint: "Keys for the three APIs" },
  { href: "/work", label: "Work", hint: "Answer tasks as a cruncher" },
];
const CRUNCHER_NAV: NavItem[] = [{ href: "/work", label: "Work", hint: "Answer tasks" }];

export function AppShell({ account, children }: { account: PublicAccount; children: ReactNode }) {
  const items = account.role === "member" ? [...MEMBER_NAV, ...(account.isAdmin ? [{ href: "/admin", label: "Admin", hint: "Accounts and roles" }] : [])] : CRUNCHER_NAV;
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-5">
        <Link href={account.role === "member" ? "/" : "/work"} className="mb-6 px-3 text-lg font-bold tracking-tight">
          <span className="text-indigo-600">◆</span> Crucible
        </Link>
        <Nav items={items} />
        <div className="mt-auto space-y-3 border-t border-slate-100 px-3 pt-4">
          <HealthIndicator />
          <div className="text-sm">
            <div className="truncate font-medium text-slate-800" title={account.email}>{account.username}</div>
            <div className="text-xs text-slate-500">
              {account.role}
              {account.isAdmin ? " · admin" : ""}
            </div>
          </div>
          <SignOutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-10 py-8">{children}</main>
    </div>
  );
}
