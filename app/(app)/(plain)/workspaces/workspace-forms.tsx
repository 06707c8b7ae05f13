"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sessionFetch, SessionRouteError } from "@/components/session-fetch";
import { Button, Card, Field, Input } from "@/components/ui";
import { workspacePath } from "@/lib/workspaces/paths";

export function NewWorkspaceForm() {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    try {
      const { workspace } = await sessionFetch<{ workspace: { slug: string } }>("/api/workspaces", { method: "POST", json: { name } });
      router.push(workspacePath(workspace.slug, "/members"));
      router.refresh();
    } catch (error) {
      setProblem(error instanceof SessionRouteError ? error.problems.join(" ") : "Not created.");
    }
  }
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">New workspace</h2>
      <form onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <Field label="Name" error={problem ?? undefined}><Input name="name" required placeholder="Acme data team" /></Field>
        </div>
        <Button type="submit">Create workspace</Button>
      </form>
    </Card>
  );
}

export function RestoreButton({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={async () => {
        await sessionFetch(`/api/workspaces/${workspaceId}/restore`, { method: "POST" }).catch(() => undefined);
        router.refresh();
      }}
    >
      Restore
    </Button>
  );
}
