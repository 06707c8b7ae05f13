import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireAccount } from "@/app/_server/auth";
import { AppShell } from "@/components/app-shell/app-shell";
import { getDb } from "@/db/client";
import { membershipsOf } from "@/lib/workspaces/store";

/** The shell of the workspace the URL names; one the account does not belong to is a 404. */
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ workspace: string }> }) {
  const account = await requireAccount();
  const slug = decodeURIComponent((await params).workspace).toLowerCase();
  const memberships = await membershipsOf(getDb(), account.id);
  const open = memberships.find((m) => m.workspace.slug.toLowerCase() === slug);
  if (!open) notFound();
  return (
    <AppShell account={account} workspace={{ current: open.workspace, role: open.role, memberships }}>
      {children}
    </AppShell>
  );
}
