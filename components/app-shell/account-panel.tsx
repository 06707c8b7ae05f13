import NextLink from "next/link";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { HealthIndicator } from "./health-indicator";
import { SignOutButton } from "./sign-out-button";

/** The foot of the navigation: database health, who is signed in, their settings, and sign out. */
export function AccountPanel({ account }: { account: PublicAccount }) {
  return (
    <div className="space-y-3 border-t border-slate-100 px-3 pt-4">
      <HealthIndicator />
      <div className="text-sm">
        <div className="truncate font-medium text-slate-800" title={account.email}>{account.username}</div>
        <NextLink href="/account" className="text-xs text-slate-500 hover:text-slate-800">
          Account settings{account.isAdmin ? " · server admin" : ""}
        </NextLink>
      </div>
      <SignOutButton />
    </div>
  );
}
