"use client";

import { useState } from "react";
import { sessionFetch } from "@/components/session-fetch";
import { Button } from "@/components/ui";
import { useWorkspaceRouter } from "@/components/workspace-link";

/** Moves the model and its deployments to the trash (restorable for 30 days) after a confirmation. */
export function DeleteModelButton({ modelId, name }: { modelId: string; name: string }) {
  const router = useWorkspaceRouter();
  const [pending, setPending] = useState(false);
  async function remove() {
    if (!window.confirm(`Move model "${name}" and its deployments to the trash? The deployments stop serving; everything can be restored from the Trash page for 30 days.`)) return;
    setPending(true);
    try {
      await sessionFetch(`/api/models/${encodeURIComponent(modelId)}`, { method: "DELETE" });
      router.push("/trash");
    } catch (error) {
      setPending(false);
      window.alert((error as Error).message);
    }
  }
  return (
    <Button variant="danger" onClick={() => void remove()} disabled={pending} data-testid="model-delete">
      {pending ? "Deleting…" : "Delete"}
    </Button>
  );
}
