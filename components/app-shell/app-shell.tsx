import type { ReactNode } from "react";
import type { WorkspaceRole } from "@/db/schema";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import type { Membership, WorkspaceSummary } from "@/lib/workspaces/store";
import { WorkspaceProvider } from "@/components/workspace-link";
import { allows } from "@/lib/workspaces/roles";
import { AccountPanel } from "./account-panel";
import { Brand } from "./brand";
import { GlobalSearch, SearchButton } from "./global-search";
import { Nav } from "./nav";
import { homeHrefFor, navItemsFor } from "./nav-items";
import { ResponsiveShell } from "./responsive-shell";
import { WorkspaceSwitcher } from "./workspace-switcher";

export interface ShellWorkspace {
  current: WorkspaceSummary | null;
  role: WorkspaceRole | null;
  memberships: Membership[];
}

/**
 * The signed-in frame: navigation beside the page on wide screens, a top bar with a menu button on
 * narrow ones; the workspace switcher above the links, which follow the role in the open workspace.
 */
export function AppShell({ account, workspace, children }: { account: PublicAccount; workspace: ShellWorkspace; children: ReactNode }) {
  const { current, role } = workspace;
  // Search covers what a reader sees; crunchers only work.
  const searchable = !!current && !!role && allows(role, "read");
  return (
    <WorkspaceProvider slug={current?.slug ?? null}>
      <ResponsiveShell
        brand={<Brand href={homeHrefFor(current?.slug ?? null, role)} />}
        navTop={
          <>
            <WorkspaceSwitcher current={current} role={role} memberships={workspace.memberships} />
            {searchable ? (
              <div className="mt-3 hidden lg:block">
                <SearchButton />
              </div>
            ) : null}
          </>
        }
        topActions={searchable ? <SearchButton compact /> : null}
        nav={<Nav items={navItemsFor(role, account.isAdmin)} />}
        footer={<AccountPanel account={account} />}
      >
        {children}
      </ResponsiveShell>
      {searchable ? <GlobalSearch /> : null}
    </WorkspaceProvider>
  );
}
