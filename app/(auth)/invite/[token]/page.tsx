import type { Metadata } from "next";
import Link from "next/link";
import { currentAccount } from "@/app/_server/auth";
import { Card } from "@/components/ui";
import { getDb } from "@/db/client";
import { INVITATION_PROBLEMS, openInvitation } from "@/lib/workspaces/invitations";
import { SignUpForm } from "../../signup/signup-form";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

/** An invitation link: join as the signed-in account, sign in first, or sign up with the invited address. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await openInvitation(getDb(), token);
  if (!found.ok) {
    return (
      <Card className="p-8">
        <h1 className="text-xl font-semibold">Invitation</h1>
        <p role="alert" className="mt-3 text-sm text-slate-700">{INVITATION_PROBLEMS[found.problem]}</p>
      </Card>
    );
  }
  const { invitation } = found;
  const account = await currentAccount();
  if (account) return <AcceptInvitation token={token} invitation={invitation} account={{ email: account.email, username: account.username }} />;
  if (invitation.accountExists) {
    return (
      <Card className="p-8">
        <h1 className="text-xl font-semibold">Join {invitation.workspaceName}</h1>
        <p className="mt-2 text-sm text-slate-600">You are invited as {invitation.role}. Sign in as {invitation.email} to accept.</p>
        <Link href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`} className="mt-6 inline-block rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-500">
          Sign in to accept
        </Link>
      </Card>
    );
  }
  return <SignUpForm invitation={{ token, email: invitation.email, workspaceName: invitation.workspaceName, role: invitation.role }} />;
}
