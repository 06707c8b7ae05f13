"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { DataTable } from "@/components/data-table";
import { sessionFetch } from "@/components/session-fetch";
import { Badge, Button, Card, Code, Field, Input, Select } from "@/components/ui";
import type { WorkspaceRole } from "@/db/schema";
import type { InvitationRow } from "@/lib/workspaces/invitations";
import { ROLE_LABELS, WORKSPACE_ROLES } from "@/lib/workspaces/roles";
import { Time } from "@/components/time";
import type { MemberRow } from "@/lib/workspaces/store";

interface MembersData {
  members: (Omit<MemberRow, "joinedAt"> & { joinedAt: string })[];
  invitations: (Omit<InvitationRow, "createdAt" | "expiresAt" | "acceptedAt" | "revokedAt"> & { createdAt: string; expiresAt: string; acceptedAt: string | null; revokedAt: string | null })[];
  mail: boolean;
}

const KEY = ["workspace-members"];

function invitationState(i: MembersData["invitations"][number]): { label: string; tone: "green" | "amber" | "slate" | "red" } {
  if (i.acceptedAt) return { label: "accepted", tone: "green" };
  if (i.revokedAt) return { label: "withdrawn", tone: "slate" };
  if (Date.parse(i.expiresAt) <= Date.now()) return { label: "expired", tone: "red" };
  return { label: "open", tone: "amber" };
}

export function MembersPanel({ me, canManage, isOwner, personal }: { me: string; canManage: boolean; isOwner: boolean; personal: boolean }) {
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: KEY, queryFn: () => sessionFetch<MembersData>("/api/workspace/members") });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });
  const [link, setLink] = useState<{ url: string; email: string; mailed: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onError: (error) => setProblem(error instanceof Error ? error.message : "Not saved."),
    onSuccess: () => setProblem(null),
    onSettled: refresh,
  });
  const assignable = WORKSPACE_ROLES.filter((r) => isOwner || r !== "owner");
  /** Whether I may change this person's role or remove them (only owners touch owners). */
  const mayChange = (m: MembersData["members"][number]) => canManage && m.accountId !== me && (isOwner || m.role !== "owner");

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    run.mutate(async () => {
      const result = await sessionFetch<{ url: string; mailed: boolean }>("/api/workspace/invitations", { method: "POST", json: { email, role: form.get("role") } });
      setLink({ url: result.url, email, mailed: result.mailed });
    });
  }

  return (
    <div className="space-y-6">
      {problem ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p> : null}
      {canManage ? (
        <Card className="p-5">
          <h2 className="text-base font-semibold">Invite someone</h2>
          <p className="mt-1 text-sm text-slate-600">
            The link works once and for 7 days, for the address you enter. {data.data?.mail ? "It is also sent by e-mail." : "This server sends no mail: copy the link and send it yourself."}
          </p>
          <form onSubmit={invite} className="mt-4 flex flex-wrap items-end gap-3">
            <div className="min-w-60 flex-1"><Field label="E-mail"><Input name="email" type="email" required placeholder="colleague@example.com" /></Field></div>
            <div className="w-40">
              <Field label="Role">
                <Select name="role" defaultValue="member">
                  {assignable.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                </Select>
              </Field>
            </div>
            <Button type="submit" disabled={run.isPending}>Create invitation link</Button>
          </form>
          {link ? (
            <div className="mt-4 rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm" data-testid="invitation-link" data-url={link.url}>
              <p className="mb-2 font-medium text-indigo-900">Invitation for {link.email}{link.mailed ? " (sent by e-mail)" : ""} — shown once:</p>
              <Code>{link.url}</Code>
            </div>
          ) : null}
        </Card>
      ) : null}

      <DataTable columns={["Person", "E-mail", "Role", "Joined", ""]}>
        {(data.data?.members ?? []).map((m) => (
          <tr key={m.accountId} data-testid={`member-${m.username}`}>
            <td className="px-4 py-3 font-medium">
              {m.username} {m.accountId === me ? <Badge tone="indigo">you</Badge> : null} {m.disabled ? <Badge tone="red">disabled</Badge> : null}
            </td>
            <td className="px-4 py-3 text-slate-600">{m.email}</td>
            <td className="px-4 py-3">
              {mayChange(m) ? (
                <Select
                  aria-label={`Role of ${m.username}`}
                  className="w-36"
                  value={m.role}
                  onChange={(e) => run.mutate(() => sessionFetch(`/api/workspace/members/${m.accountId}`, { method: "PATCH", json: { role: e.target.value as WorkspaceRole } }))}
                >
                  {assignable.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                </Select>
              ) : (
                ROLE_LABELS[m.role]
              )}
            </td>
            <td className="px-4 py-3 text-slate-600"><Time value={m.joinedAt} style="date" /></td>
            <td className="px-4 py-3 text-right">
              {mayChange(m) || (m.accountId === me && !personal) ? (
                <Button
                  type="button"
                  variant="danger"
                  onClick={async () => {
                    const leaving = m.accountId === me;
                    const ok = await confirm(leaving ? { title: "Leave this workspace?", body: "You lose access until someone invites you again.", confirmLabel: "Leave", tone: "danger" } : { title: `Remove ${m.username}?`, body: "They lose access to the workspace; their work stays here.", confirmLabel: "Remove", tone: "danger" });
                    if (ok) {
                      run.mutate(() => sessionFetch(`/api/workspace/members/${m.accountId}`, { method: "DELETE" }));
                    }
                  }}
                >
                  {m.accountId === me ? "Leave" : "Remove"}
                </Button>
              ) : null}
              {isOwner && m.accountId !== me && m.role !== "owner" && m.role !== "cruncher" ? (
                <Button
                  type="button"
                  variant="secondary"
                  className="ml-2"
                  onClick={async () => {
                    if (await confirm({ title: `Make ${m.username} the owner?`, body: "You become an admin of the workspace.", confirmLabel: "Make owner" })) run.mutate(() => sessionFetch("/api/workspace/transfer", { method: "POST", json: { accountId: m.accountId } }));
                  }}
                >
                  Make owner
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>

      {canManage && (data.data?.invitations.length ?? 0) > 0 ? (
        <div>
          <h2 className="mb-2 text-base font-semibold">Invitations</h2>
          <DataTable columns={["E-mail", "Role", "Made", "State", ""]}>
            {data.data!.invitations.map((i) => {
              const state = invitationState(i);
              return (
                <tr key={i.id}>
                  <td className="px-4 py-3">{i.email}</td>
                  <td className="px-4 py-3">{ROLE_LABELS[i.role]}</td>
                  <td className="px-4 py-3 text-slate-600"><Time value={i.createdAt} style="relative" /></td>
                  <td className="px-4 py-3"><Badge tone={state.tone}>{state.label}</Badge></td>
                  <td className="px-4 py-3 text-right">
                    {state.label === "open" ? (
                      <Button type="button" variant="secondary" onClick={() => run.mutate(() => sessionFetch(`/api/workspace/invitations/${i.id}`, { method: "DELETE" }))}>Withdraw</Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </div>
      ) : null}
    </div>
  );
}
