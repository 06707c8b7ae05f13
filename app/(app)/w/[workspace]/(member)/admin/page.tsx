import type { Metadata } from "next";
import { requireAdmin } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { listAccountsWithState } from "@/lib/auth/accounts-store";
import { AccountsTable } from "./accounts-table";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const { account } = await requireAdmin();
  const accounts = await listAccountsWithState(getDb());
  return (
    <>
      <PageHeader
        title="Accounts on this server"
        description="Everyone who has signed up, crunchers included. Disabling an account ends its sessions and stops its keys at once; its work stays with its workspaces. A reset link lets someone set a new password."
      />
      <AccountsTable
        me={account.id}
        accounts={accounts.map((a) => ({ id: a.id, username: a.username, email: a.email, kind: a.role, isAdmin: a.isAdmin, createdAt: a.createdAt.toISOString(), disabled: a.disabledAt !== null }))}
      />
    </>
  );
}
