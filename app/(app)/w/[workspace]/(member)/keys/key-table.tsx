"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { DataTable } from "@/components/data-table";
import { useToast } from "@/components/toast";
import { EmptyState } from "@/components/empty-state";
import { Time } from "@/components/time";
import { Badge, Button } from "@/components/ui";
import { revokeKeyAction } from "./actions";

export interface KeyRow {
  id: string;
  name: string;
  scope: "loops" | "models" | "tasks";
  mode: "live" | "test";
  loopId: string | null;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  role: string;
  requestCount: number;
  /** Who made it. */
  creator: string;
}


export function KeyTable({ keys }: { keys: KeyRow[] }) {
  const confirm = useConfirm();
  const toast = useToast();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);

  if (!keys.length) {
    return <EmptyState title="No API keys yet" description="Generate a key above. It will be listed here by its prefix, with its scope, when it was created and when it was last used." />;
  }

  async function revoke(key: KeyRow) {
    if (!(await confirm({ title: `Revoke "${key.name}"?`, body: `Clients using ${key.prefix}… get 401 at once. This cannot be undone.`, confirmLabel: "Revoke key", tone: "danger" }))) return;
    setBusy(key.id);
    await revokeKeyAction(key.id);
    setBusy(null);
    toast(`Key "${key.name}" revoked`);
    router.refresh();
  }

  return (
    <DataTable columns={["Name", "Key", "Scope", "Created", "Last used", { label: "Requests", align: "right" }, { label: "Status", align: "right" }]}>
          {keys.map((key) => (
            <tr key={key.id} data-testid="key-row" data-prefix={key.prefix} className={key.revokedAt ? "text-slate-400" : undefined}>
              <td className="px-4 py-3 font-medium">
                {key.name}
                <span className="block text-xs font-normal text-slate-500">by {key.creator} · acts as {key.role}</span>
              </td>
              <td className="px-4 py-3 font-mono text-xs">{key.prefix}…</td>
              <td className="px-4 py-3">
                <span className="inline-flex gap-1">
                  <Badge tone="indigo">{key.scope}</Badge>
                  {key.scope === "tasks" ? <Badge tone={key.mode === "test" ? "amber" : "green"}>{key.mode}</Badge> : null}
                  {key.loopId ? <Badge>loop {key.loopId.slice(0, 8)}</Badge> : null}
                </span>
              </td>
              <td className="whitespace-nowrap px-4 py-3"><Time value={key.createdAt} /></td>
              <td className="whitespace-nowrap px-4 py-3">{key.lastUsedAt ? <Time value={key.lastUsedAt} style="relative" /> : "never"}</td>
              <td className="px-4 py-3 text-right tabular-nums">{key.requestCount.toLocaleString("en-GB")}</td>
              <td className="px-4 py-3 text-right">
                {key.revokedAt ? (
                  <Badge tone="red">revoked</Badge>
                ) : key.expiresAt && Date.parse(key.expiresAt) <= Date.now() ? (
                  <Badge tone="amber">expired</Badge>
                ) : (
                  <Button variant="danger" className="px-2.5 py-1 text-xs" disabled={busy === key.id} onClick={() => void revoke(key)}>
                    {busy === key.id ? "Revoking…" : "Revoke"}
                  </Button>
                )}
                {key.expiresAt && !key.revokedAt ? (
                  Date.parse(key.expiresAt) <= Date.now() ? null : (
                    <span className="mt-1 block text-xs text-slate-500">expires <Time value={key.expiresAt} style="date" /></span>
                  )
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
  );
}
