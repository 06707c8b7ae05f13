import type { ReactNode } from "react";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { AccountPanel } from "./account-panel";
import { Brand } from "./brand";
import { Nav } from "./nav";
import { homeHrefFor, navItemsFor } from "./nav-items";
import { ResponsiveShell } from "./responsive-shell";

/**
 * The signed-in frame: navigation beside the page on wide screens, a top bar with a menu button on
 * narrow ones. `navTop` goes above the navigation links (the place for a workspace switcher).
 */
export function AppShell({ account, navTop, children }: { account: PublicAccount; navTop?: ReactNode; children: ReactNode }) {
  return (
    <ResponsiveShell brand={<Brand href={homeHrefFor(account)} />} navTop={navTop} nav={<Nav items={navItemsFor(account)} />} footer={<AccountPanel account={account} />}>
      {children}
    </ResponsiveShell>
  );
}
