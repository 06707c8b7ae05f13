"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { useConfirm } from "@/components/confirm-dialog";
import { sessionFetch, SessionRouteError } from "@/components/session-fetch";
import { useToast } from "@/components/toast";
import { Time } from "@/components/time";
import { Badge, Button, Section } from "@/components/ui";

interface Dates {
  deletedAt: string;
  purgeAt: string;
}

export interface TrashView {
  models: ({ id: string; name: string; kind: string; deployments: string[] } & Dates)[];
  deployments: ({ id: string; modelName: string; modelTrashed: boolean } & Dates)[];
  loops: ({ id: string; name: string; taskType: string | null; nSeen: number } & Dates)[];
}

type Kind = "models" | "deployments" | "loops";

/** The trash, one table per kind, with Restore and (owners and admins) Delete forever on each row. */
export function TrashLists({ view, canRestore, canPurge }: { view: TrashView; canRestore: boolean; canPurge: boolean }) {
  const router = useRouter();
  const confirm = useConfirm();
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);

  async function act(kind: Kind, id: string, label: string, purge: boolean) {
    if (purge && !(await confirm({ title: `Delete ${label} forever?`, body: "It is removed with everything that belongs to it. This cannot be undone.", confirmLabel: "Delete forever", tone: "danger" }))) return;
    setBusy(`${kind}:${id}`);
    try {
      const path = `/api/trash/${kind}/${encodeURIComponent(id)}${purge ? "" : "/restore"}`;
      const { message } = await sessionFetch<{ message: string }>(path, { method: purge ? "DELETE" : "POST" });
      toast(`${label}: ${message}`);
      router.refresh();
    } catch (error) {
      toast(error instanceof SessionRouteError ? error.problems.join(" ") : "Not done.", "error");
    } finally {
      setBusy(null);
    }
  }

  const actions = (kind: Kind, id: string, label: string, restoreBlocked?: string) => (
    <td className="space-x-2 whitespace-nowrap px-4 py-3 text-right max-sm:space-x-0 max-sm:[&>*]:mr-2">
      {canRestore ? (
        <Button type="button" variant="secondary" disabled={busy !== null || Boolean(restoreBlocked)} title={restoreBlocked} onClick={() => void act(kind, id, label, false)} data-testid={`restore-${kind}-${id}`}>
          Restore
        </Button>
      ) : null}
      {canPurge ? (
        <Button type="button" variant="danger" disabled={busy !== null} onClick={() => void act(kind, id, label, true)} data-testid={`purge-${kind}-${id}`}>
          Delete forever
        </Button>
      ) : null}
    </td>
  );
  const dates = (row: Dates) => (
    <>
      <td className="px-4 py-3"><Time value={row.deletedAt} /></td>
      <td className="px-4 py-3"><Time value={row.purgeAt} style="date" /></td>
    </>
  );
  const empty = !view.models.length && !view.deployments.length && !view.loops.length;

  return (
    <div className="space-y-6">
      {empty ? (
        <EmptyState title="The trash is empty" description="Deleting a model (DELETE /model/{id}), a deployment or a loop moves it here first." />
      ) : null}
      {view.models.length ? (
        <Section title="Models" hint="Restoring a model brings back the deployments that were deleted with it; they serve again.">
          <DataTable columns={["Model", "Deployments", "Deleted", "Purged on", ""]}>
            {view.models.map((m) => (
              <tr key={m.id} data-testid={`trash-model-${m.id}`}>
                <td className="px-4 py-3">
                  <div className="font-medium break-words">{m.name}</div>
                  <div className="text-xs text-slate-500">{m.kind}</div>
                </td>
                <td className="px-4 py-3">
                  {m.deployments.length ? (
                    <span title={m.deployments.join(", ")} className="break-words">
                      {m.deployments.length} · <span className="font-mono text-xs">{m.deployments.slice(0, 3).join(", ")}{m.deployments.length > 3 ? "…" : ""}</span>
                    </span>
                  ) : (
                    <span className="text-slate-500">none</span>
                  )}
                </td>
                {dates(m)}
                {actions("models", m.id, m.name)}
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}
      {view.deployments.length ? (
        <Section title="Deployments" hint="Deleted on their own; restoring one makes it serve again.">
          <DataTable columns={["Deployment", "Model", "Deleted", "Purged on", ""]}>
            {view.deployments.map((d) => (
              <tr key={d.id} data-testid={`trash-deployment-${d.id}`}>
                <td className="px-4 py-3 font-mono text-xs break-all">{d.id}</td>
                <td className="px-4 py-3">
                  <span className="break-words">{d.modelName}</span> {d.modelTrashed ? <Badge tone="amber">in the trash</Badge> : null}
                </td>
                {dates(d)}
                {actions("deployments", d.id, d.id, d.modelTrashed ? "Its model is in the trash: restore the model first." : undefined)}
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}
      {view.loops.length ? (
        <Section title="Loops" hint="A restored loop answers again with its model as it was.">
          <DataTable columns={["Loop", "Examples", "Deleted", "Purged on", ""]}>
            {view.loops.map((l) => (
              <tr key={l.id} data-testid={`trash-loop-${l.id}`}>
                <td className="px-4 py-3">
                  <div className="font-medium break-words">{l.name}</div>
                  <div className="text-xs text-slate-500">{l.taskType ?? "not defined"}</div>
                </td>
                <td className="px-4 py-3">{l.nSeen.toLocaleString("en")}</td>
                {dates(l)}
                {actions("loops", l.id, l.name)}
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}
    </div>
  );
}
