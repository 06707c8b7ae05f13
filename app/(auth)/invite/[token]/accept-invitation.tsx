"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sessionFetch, SessionRouteError } from "@/components/session-fetch";
import { Button, Card } from "@/components/ui";
import type { OpenInvitation } from "@/lib/workspaces/invitations";
import { workspacePath } from "@/lib/workspaces/paths";

export function AcceptInvitation({ token, invitation, account }: { token: string; invitation: OpenInvitation; account: { email: string; username: string } }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const wrongAccount = invitation.email.toLowerCase() !== account.email.toLowerCase();
  async function accept() {
    setPending(true);
    try {
      const joined = await sessionFetch<{ workspace: { slug: string }; role: string }>(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: "POST" });
      router.replace(workspacePath(joined.workspace.slug, joined.role === "cruncher" ? "/work" : "/"));
      router.refresh();
    } catch (error) {
      setProblem(error instanceof SessionRouteError ? error.problems.join(" ") : "The server could not be reached; try again.");
      setPending(false);
    }
  }
  return (
    <Card className="p-8">
      <h1 className="text-xl font-semibold">Join {invitation.workspaceName}</h1>
      <p className="mt-2 text-sm text-slate-600">
        You are invited as <strong>{invitation.role}</strong>. You are signed in as {account.username} ({account.email}).
      </p>
      {wrongAccount ? (
        <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          This invitation is for {invitation.email}. Sign out and sign in with that address to accept it.
        </p>
      ) : null}
      {problem ? <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p> : null}
      <Button className="mt-6 w-full" onClick={accept} disabled={pending || wrongAccount}>{pending ? "Joining…" : `Join ${invitation.workspaceName}`}</Button>
    </Card>
  );
}
