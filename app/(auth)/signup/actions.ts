"use server";

import { getDb } from "@/db/client";
import { createAccount, hasAccounts, signupInviteOnly } from "@/lib/auth/accounts-store";
import { recordAudit } from "@/lib/workspaces/audit";
import { acceptInvitation, INVITATION_PROBLEMS, openInvitation } from "@/lib/workspaces/invitations";
import { workspacePath } from "@/lib/workspaces/paths";

export interface SignUpState {
  ok: boolean;
  errors: Record<string, string>;
  /** Where the new account starts: its workspace (an invitation's, or its personal one). */
  next?: string;
}

export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const db = getDb();
  const token = String(form.get("invite") ?? "");
  const email = String(form.get("email") ?? "");
  let invitation = null;
  if (token) {
    const found = await openInvitation(db, token);
    if (!found.ok) return { ok: false, errors: { form: INVITATION_PROBLEMS[found.problem] } };
    invitation = found.invitation;
    if (invitation.email.toLowerCase() !== email.trim().toLowerCase()) return { ok: false, errors: { email: `This invitation is for ${invitation.email}.` } };
  } else if (signupInviteOnly() && (await hasAccounts(db))) {
    return { ok: false, errors: { form: "Sign-up on this server is by invitation only. Ask an admin of your team for an invitation link." } };
  }
  const role = invitation ? (invitation.role === "cruncher" ? "cruncher" : "member") : form.get("role") === "cruncher" ? "cruncher" : "member";
  const result = await createAccount(db, { email, username: String(form.get("username") ?? ""), password: String(form.get("password") ?? ""), role }, { personal: !invitation });
  if (!result.ok) return { ok: false, errors: result.errors };
  if (!invitation) return { ok: true, errors: {}, next: role === "cruncher" ? "/workspaces" : "/" };
  const accepted = await acceptInvitation(db, token, result.account);
  if (!accepted.ok) return { ok: true, errors: {}, next: "/workspaces" };
  await recordAudit(db, invitation.workspaceId, { id: result.account.id, label: result.account.username }, { action: "member.joined", target: result.account.email, detail: { role: invitation.role } });
  return { ok: true, errors: {}, next: workspacePath(invitation.workspaceSlug, invitation.role === "cruncher" ? "/work" : "/") };
}
