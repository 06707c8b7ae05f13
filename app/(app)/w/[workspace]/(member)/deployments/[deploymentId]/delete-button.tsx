"use client";

import { useWorkspaceRouter } from "@/components/workspace-link";
import { useState } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { sessionFetch } from "@/components/session-fetch";
import { useToast } from "@/components/toast";
import { Button } from "@/components/ui";

/** Deletes the deployment (and its operations log) after a confirmation. */
export function DeleteDeploymentButton({ deploymentId }: { deploymentId: string }) {
  const confirm = useConfirm();
  const toast = useToast();
  const router = useWorkspaceRouter();
  const [pending, setPending] = useState(false);
  async function remove() {
    if (!(await confirm({ title: `Delete deployment ${deploymentId}?`, body: "It stops serving at once, and its operations log goes with it.", confirmLabel: "Delete deployment", tone: "danger" }))) return;
    setPending(true);
    try {
      await sessionFetch(`/api/deployments/${encodeURIComponent(deploymentId)}`, { method: "DELETE" });
      toast(`Deployment ${deploymentId} deleted`);
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
