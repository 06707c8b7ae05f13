import type { ReactNode } from "react";
import { requestHeaders, requireAccount } from "@/app/_server/auth";
import { AppShell } from "@/components/app-shell/app-shell";
import { getDb } from "@/db/client";
import { WORKSPACE_HEADER } from "@/lib/workspaces/paths";
import { membershipsOf } from "@/lib/workspaces/store";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const account = await requireAccount();
  const named = (await requestHeaders())[WORKSPACE_HEADER];
  const slug = typeof named === "string" ? named.toLowerCase() : null;
  const memberships = await membershipsOf(getDb(), account.id);
  const open = slug ? memberships.find((m) => m.workspace.slug.toLowerCase() === slug) : undefined;
  return (
    <AppShell account={account} workspace={{ current: open?.workspace ?? null, role: open?.role ?? null, memberships }}>
      {children}
    </AppShell>
  );
}
