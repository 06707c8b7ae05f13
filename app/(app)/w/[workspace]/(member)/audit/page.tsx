import type { Metadata } from "next";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { AUDIT_ACTIONS, auditActors } from "@/lib/workspaces/audit";
import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const { workspace } = await requireWorkspace("manage");
  const actors = await auditActors(getDb(), workspace.id);
  return (
    <>
      <PageHeader title="Audit log" description={`Who did what in ${workspace.name}, and when: sign-ins, keys, members and roles, invitations, deletions, promotions and settings.`} />
      <AuditLog actors={actors} actions={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))} />
    </>
  );
}
