"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { sessionFetch, SessionRouteError } from "@/components/session-fetch";
import { Button, Card, Field, Input } from "@/components/ui";

/** Rename the workspace (owners, admins) or move it to the trash (owners; restorable from /workspaces). */
export function WorkspaceSettings({ name, isOwner }: { name: string; isOwner: boolean }) {
  const confirm = useConfirm();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (error: unknown) => setProblem(error instanceof SessionRouteError ? error.problems.join(" ") : "Not saved.");
  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get("name") ?? "");
    try {
      await sessionFetch("/api/workspace", { method: "PATCH", json: { name: next } });
      setProblem(null);
      router.refresh();
    } catch (error) {
      fail(error);
    }
  }
  async function trash() {
    if (!(await confirm({ title: `Move "${name}" to the trash?`, body: "Its keys stop at once; an owner can restore it from the Workspaces page.", confirmLabel: "Move to trash", tone: "danger" }))) return;
    try {
      await sessionFetch("/api/workspace", { method: "DELETE" });
      router.push("/workspaces");
      router.refresh();
    } catch (error) {
      fail(error);
    }
  }
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Workspace</h2>
      <form onSubmit={rename} className="mt-3 flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <Field label="Workspace name" error={problem ?? undefined}><Input name="name" defaultValue={name} required /></Field>
        </div>
        <Button type="submit" variant="secondary">Rename</Button>
        {isOwner ? <Button type="button" variant="danger" onClick={() => void trash()}>Delete workspace</Button> : null}
      </form>
    </Card>
  );
}
