"use client";

import { useConfirm } from "@/components/confirm-dialog";
import { useToast } from "@/components/toast";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { sessionFetch, SessionRouteError } from "@/components/session-fetch";
import { Time } from "@/components/time";
import { Badge, Button, Code } from "@/components/ui";

export interface AccountView {
  id: string;
  username: string;
  email: string;
  kind: string;
  isAdmin: boolean;
  createdAt: string;
  disabled: boolean;
}

export function AccountsTable({ me, accounts }: { me: string; accounts: AccountView[] }) {
  const confirm = useConfirm();
  const toast = useToast();
  const router = useRouter();
  const [note, setNote] = useState<{ text: string; url?: string } | null>(null);
  async function act(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      router.refresh();
      return true;
    } catch (error) {
      setNote({ text: error instanceof SessionRouteError ? error.problems.join(" ") : "Not done." });
      return false;
    }
  }
  return (
    <div className="space-y-4">
      {note ? (
        <div className="rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm" role="status" data-testid="admin-note" data-url={note.url}>
          <p className="text-indigo-900">{note.text}</p>
          {note.url ? <div className="mt-2"><Code>{note.url}</Code></div> : null}
        </div>
      ) : null}
      <DataTable columns={["Account", "E-mail", "Signed up as", "Joined", ""]}>
        {accounts.map((a) => (
          <tr key={a.id} data-testid={`account-${a.username}`}>
            <td className="px-4 py-3 font-medium">
              {a.username} {a.isAdmin ? <Badge tone="indigo">admin</Badge> : null} {a.disabled ? <Badge tone="red">disabled</Badge> : null}
            </td>
            <td className="px-4 py-3">{a.email}</td>
            <td className="px-4 py-3">{a.kind}</td>
            <td className="px-4 py-3"><Time value={a.createdAt} style="date" /></td>
            <td className="space-x-2 whitespace-nowrap px-4 py-3 text-right">
              <Button
                type="button"
                variant="secondary"
                onClick={() =>
                  act(async () => {
                    const { url, mailed } = await sessionFetch<{ url: string; mailed: boolean }>(`/api/admin/accounts/${a.id}/reset`, { method: "POST" });
                    setNote({ text: `Reset link for ${a.username}${mailed ? " (also sent by e-mail)" : ""}, valid 24 hours — shown once:`, url });
                  })
                }
              >
                Reset link
              </Button>
              {a.id === me ? null : (
                <Button
                  type="button"
                  variant={a.disabled ? "secondary" : "danger"}
                  onClick={async () => {
                    if (a.disabled || (await confirm({ title: `Disable ${a.username}?`, body: "Their sessions and keys stop at once. You can enable the account again later.", confirmLabel: "Disable", tone: "danger" }))) {
                      void act(() => sessionFetch(`/api/admin/accounts/${a.id}/enabled`, { method: "POST", json: { enabled: a.disabled } })).then((ok) => ok && toast(a.disabled ? `${a.username} enabled` : `${a.username} disabled`));
                    }
                  }}
                >
                  {a.disabled ? "Enable" : "Disable"}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
