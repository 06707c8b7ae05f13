import type { Metadata } from "next";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { listTrash } from "@/lib/trash/service";
import { allows } from "@/lib/workspaces/roles";
import { TrashLists, type TrashView } from "./trash-lists";

export const metadata: Metadata = { title: "Trash" };

const DAY_MS = 24 * 3600_000;

export default async function TrashPage() {
  const { workspace, role } = await requireWorkspace("read");
  const trash = await listTrash(getDb(), workspace.id);
  const purgeAt = (deletedAt: Date) => new Date(deletedAt.getTime() + trash.days * DAY_MS).toISOString();
  const view: TrashView = {
    models: trash.models.map((m) => ({ id: m.modelId, name: m.name, kind: m.kind, deployments: m.deployments, deletedAt: m.deletedAt.toISOString(), purgeAt: purgeAt(m.deletedAt) })),
    deployments: trash.deployments.map((d) => ({ id: d.deploymentId, modelName: d.modelName, modelTrashed: d.modelTrashed, deletedAt: d.deletedAt.toISOString(), purgeAt: purgeAt(d.deletedAt) })),
    loops: trash.loops.map((l) => ({ id: l.loopId, name: l.name, taskType: l.taskType, nSeen: l.nSeen, deletedAt: l.deletedAt.toISOString(), purgeAt: purgeAt(l.deletedAt) })),
  };
  return (
    <>
      <PageHeader
        title="Trash"
        description={`Deleted models (with the deployments that went with them), deployments and loops of ${workspace.name}. They can be restored for ${trash.days} days; then they are deleted for good.`}
      />
      <TrashLists view={view} canRestore={allows(role, "write")} canPurge={allows(role, "manage")} />
    </>
  );
}
