import type { Metadata } from "next";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { allows } from "@/lib/workspaces/roles";
import { MembersPanel } from "./members-panel";
import { WorkspaceSettings } from "./workspace-settings";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { account, workspace, role } = await requireWorkspace("read");
  return (
    <>
      <PageHeader
        title="Members"
        description={`Who works in ${workspace.name}, and what each may do. Owners and admins invite people by link and change roles; a viewer reads everything and changes nothing; a cruncher sees only Work.`}
      />
      <MembersPanel me={account.id} canManage={allows(role, "manage")} isOwner={role === "owner"} personal={workspace.personal} />
      {allows(role, "manage") ? (
        <div className="mt-6">
          <WorkspaceSettings name={workspace.name} isOwner={role === "owner"} />
        </div>
      ) : null}
    </>
  );
}
