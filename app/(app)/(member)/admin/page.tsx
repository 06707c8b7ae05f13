import type { Metadata } from "next";
import { requireAdmin } from "@/app/_server/auth";
import { DataTable } from "@/components/data-table";
import { Badge, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { listAccounts } from "@/lib/auth/accounts-store";
import { RoleSelect } from "./role-select";
import { Time } from "@/components/time";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const admin = await requireAdmin();
  const accounts = await listAccounts(getDb());
  return (
    <>
      <PageHeader title="Accounts" description="Members use the dashboard and own loops, models and requests; crunchers see only the Work area." />
      <DataTable columns={["Username", "E-mail", "Joined", "Role"]}>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td className="px-4 py-3 font-medium">
                  {a.username} {a.isAdmin ? <Badge tone="indigo">admin</Badge> : null}
                </td>
                <td className="px-4 py-3">{a.email}</td>
                <td className="px-4 py-3"><Time value={a.createdAt} style="date" /></td>
                <td className="px-4 py-3">{a.id === admin.id ? a.role : <RoleSelect accountId={a.id} role={a.role} label={a.username} />}</td>
              </tr>
            ))}
          </DataTable>
    </>
  );
}
