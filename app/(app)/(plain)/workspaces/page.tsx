import type { Metadata } from "next";
import NextLink from "next/link";
import { requireAccount } from "@/app/_server/auth";
import { Card, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { ROLE_LABELS } from "@/lib/workspaces/roles";
import { membershipsOf, trashedWorkspacesOf } from "@/lib/workspaces/store";
import { workspacePath } from "@/lib/workspaces/paths";
import { Time } from "@/components/time";
import { NewWorkspaceForm, RestoreButton } from "./workspace-forms";

export const metadata: Metadata = { title: "Workspaces" };

export default async function WorkspacesPage() {
  const account = await requireAccount();
  const db = getDb();
  const [memberships, trashed] = await Promise.all([membershipsOf(db, account.id), trashedWorkspacesOf(db, account.id)]);
  return (
    <>
      <PageHeader title="Workspaces" description="Each workspace owns its loops, models, deployments, tasks and keys. Switch between them here or from the menu at the top left." />
      {memberships.length === 0 ? (
        <Card className="mb-6 p-6 text-sm text-slate-700">You are not in any workspace yet. Open the invitation link a workspace admin sent you, or create a workspace of your own.</Card>
      ) : (
        <div className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {memberships.map((m) => (
            <NextLink key={m.workspace.id} href={workspacePath(m.workspace.slug, m.role === "cruncher" ? "/work" : "/")} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300">
              <div className="font-medium text-slate-900">{m.workspace.name}</div>
              <div className="mt-1 text-xs text-slate-500">{ROLE_LABELS[m.role]}{m.workspace.personal ? " · personal" : ""} · /w/{m.workspace.slug}</div>
            </NextLink>
          ))}
        </div>
      )}
      <NewWorkspaceForm />
      {trashed.length ? (
        <Card className="mt-6 p-5">
          <h2 className="text-base font-semibold">Trash</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {trashed.map((w) => (
              <li key={w.id} className="flex items-center justify-between gap-3">
                <span>{w.name} <span className="text-slate-500">(deleted <Time value={w.deletedAt} style="relative" />)</span></span>
                <RestoreButton workspaceId={w.id} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
