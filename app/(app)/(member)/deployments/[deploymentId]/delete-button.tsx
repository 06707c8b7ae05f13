"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui";

/** Deletes the deployment (and its operations log) after a confirmation. */
export function DeleteDeploymentButton({ deploymentId }: { deploymentId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function remove() {
    if (!window.confirm(`Delete deployment ${deploymentId} and its operations log?`)) return;
    setPending(true);
    const res = await fetch(`/api/deployments/${encodeURIComponent(deploymentId)}`, { method: "DELETE" });
    if (res.ok) router.push("/deployments");
    else setPending(false);
  }
  return (
    <Button variant="danger" onClick={() => void remove()} disabled={pending}>
      {pending ? "Deleting…" : "Delete deployment"}
    </Button>
  );
}
