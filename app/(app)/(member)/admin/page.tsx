import type { Metadata } from "next";
import { requireAdmin } from "@/app/_server/auth";
import { Badge, Card, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { listAccounts } from "@/lib/auth/accounts-store";
import { RoleSelect } from "./role-select";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const admin = await requireAdmin();
  const accounts = await listAccounts(getDb());
  return (
    <>
      <PageHeader title="Accounts" description="Members use the dashboard and own loops, models and requests; crunchers see only the Work area." />
      <Card className="overflow-hidden">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">Username</th>
              <th className="px-4 py-3">E-mail</th>
              <th className="px-4 py-3">Joined</th>
              <th className="px-4 py-3">Role</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {accounts.map((a) => (
              <tr key={a.id}>
                <td className="px-4 py-3 font-medium">
                  {a.username} {a.isAdmin ? <Badge tone="indigo">admin</Badge> : null}
                </td>
                <td className="px-4 py-3">{a.email}</td>
                <td className="px-4 py-3">{a.createdAt.toLocaleDateString()}</td>
                <td className="px-4 py-3">{a.id === admin.id ? a.role : <RoleSelect accountId={a.id} role={a.role} label={a.username} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
