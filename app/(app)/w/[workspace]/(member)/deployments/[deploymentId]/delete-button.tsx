"use client";

import { useWorkspaceRouter } from "@/components/workspace-link";
import { useState } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { sessionFetch } from "@/components/session-fetch";
import { useToast } from "@/components/toast";
import { Button } from "@/components/ui";

/** Moves the deployment (with its operations log) to the trash after a confirmation; restorable for 30 days. */
export function DeleteDeploymentButton({ deploymentId }: { deploymentId: string }) {
  const confirm = useConfirm();
  const toast = useToast();
  const router = useWorkspaceRouter();
  const [pending, setPending] = useState(false);
  async function remove() {
    if (!(await confirm({ title: `Delete deployment ${deploymentId}?`, body: "It stops serving at once and goes to the trash with its operations log; it can be restored from the Trash page for 30 days.", confirmLabel: "Move to the trash", tone: "danger" }))) return;
    setPending(true);
    try {
      await sessionFetch(`/api/deployments/${encodeURIComponent(deploymentId)}`, { method: "DELETE" });
      toast(`Deployment ${deploymentId} moved to the trash`);
      router.push("/deployments");
    } catch (error) {
      setPending(false);
      toast((error as Error).message, "error");
    }
  }
  return (
    <Button variant="danger" onClick={() => void remove()} disabled={pending}>
      {pending ? "Deleting…" : "Delete deployment"}
    </Button>
  );
}
