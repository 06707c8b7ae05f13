"use client";

import { useWorkspaceRouter } from "@/components/workspace-link";
import { useState } from "react";
import { sessionFetch } from "@/components/session-fetch";
import { Button } from "@/components/ui";

/** Deletes the deployment (and its operations log) after a confirmation. */
export function DeleteDeploymentButton({ deploymentId }: { deploymentId: string }) {
  const router = useWorkspaceRouter();
  const [pending, setPending] = useState(false);
  async function remove() {
    if (!window.confirm(`Delete deployment ${deploymentId} and its operations log?`)) return;
    setPending(true);
    try {
      await sessionFetch(`/api/deployments/${encodeURIComponent(deploymentId)}`, { method: "DELETE" });
      router.push("/deployments");
    } catch (error) {
      setPending(false);
      window.alert((error as Error).message);
    }
  }
  return (
    <Button variant="danger" onClick={() => void remove()} disabled={pending}>
      {pending ? "Deleting…" : "Delete deployment"}
    </Button>
  );
}
