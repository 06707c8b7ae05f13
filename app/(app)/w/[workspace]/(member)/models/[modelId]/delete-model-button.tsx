"use client";

import { useState } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { sessionFetch } from "@/components/session-fetch";
import { useToast } from "@/components/toast";
import { Button } from "@/components/ui";
import { useWorkspaceRouter } from "@/components/workspace-link";

/** Moves the model and its deployments to the trash (restorable for 30 days) after a confirmation. */
export function DeleteModelButton({ modelId, name }: { modelId: string; name: string }) {
  const confirm = useConfirm();
  const toast = useToast();
  const router = useWorkspaceRouter();
  const [pending, setPending] = useState(false);
  async function remove() {
    const body = "Its deployments go with it and stop serving. Everything can be restored from the Trash page for 30 days.";
    if (!(await confirm({ title: `Delete model ${name}?`, body, confirmLabel: "Move to the trash", tone: "danger" }))) return;
    setPending(true);
    try {
      await sessionFetch(`/api/models/${encodeURIComponent(modelId)}`, { method: "DELETE" });
      toast(`Model ${name} moved to the trash`);
      router.push("/trash");
    } catch (error) {
      setPending(false);
      toast((error as Error).message, "error");
    }
  }
  return (
    <Button variant="danger" onClick={() => void remove()} disabled={pending} data-testid="model-delete">
      {pending ? "Deleting…" : "Delete"}
    </Button>
  );
}
