import type { ReactNode } from "react";
import { requireAccount } from "@/app/_server/auth";
import { AppShell } from "@/components/app-shell/app-shell";
import { getDb } from "@/db/client";
import { membershipsOf } from "@/lib/workspaces/store";

/** Pages outside any workspace (the list of workspaces, account settings): the shell with no workspace open. */
export default async function PlainLayout({ children }: { children: ReactNode }) {
  const account = await requireAccount();
  const memberships = await membershipsOf(getDb(), account.id);
  return (
    <AppShell account={account} workspace={{ current: null, role: null, memberships }}>
      {children}
    </AppShell>
  );
}
