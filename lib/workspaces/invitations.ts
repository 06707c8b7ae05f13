import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, workspaceInvitations, workspaces, type WorkspaceRole } from "@/db/schema";
import { addMember } from "./store";
import { hashLinkToken, looksLikeLinkToken, newLinkToken } from "./tokens";

export const INVITATION_DAYS = 7;

export interface InvitationRow {
  id: string;
  email: string;
  role: WorkspaceRole;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  invitedBy: string | null;
}

const columns = {
  id: workspaceInvitations.id,
  email: workspaceInvitations.email,
  role: workspaceInvitations.role,
  createdAt: workspaceInvitations.createdAt,
  expiresAt: workspaceInvitations.expiresAt,
  acceptedAt: workspaceInvitations.acceptedAt,
  revokedAt: workspaceInvitations.revokedAt,
  invitedBy: workspaceInvitations.invitedBy,
};

/** A new invitation; the token (the link's secret) is returned here once. */
export async function createInvitation(db: Database, workspaceId: string, invitedBy: string, email: string, role: WorkspaceRole): Promise<{ invitation: InvitationRow; token: string }> {
  const { token, hash } = newLinkToken();
  const [invitation] = await db
    .insert(workspaceInvitations)
    .values({ workspaceId, email: email.trim(), role, tokenHash: hash, invitedBy, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) })
    .returning(columns);
  return { invitation: invitation!, token };
}

/** The workspace's invitations, newest first (the last 200). */
export async function listInvitations(db: Database, workspaceId: string): Promise<InvitationRow[]> {
  return db.select(columns).from(workspaceInvitations).where(eq(workspaceInvitations.workspaceId, workspaceId)).orderBy(desc(workspaceInvitations.createdAt)).limit(200);
}

export async function revokeInvitation(db: Database, workspaceId: string, invitationId: string): Promise<InvitationRow | null> {
  const [row] = await db
    .update(workspaceInvitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(workspaceInvitations.id, invitationId), eq(workspaceInvitations.workspaceId, workspaceId), isNull(workspaceInvitations.acceptedAt), isNull(workspaceInvitations.revokedAt)))
    .returning(columns);
  return row ?? null;
}

export interface OpenInvitation {
  id: string;
  workspaceId: string;
  workspaceName: string;
  workspaceSlug: string;
  email: string;
  role: WorkspaceRole;
  /** Whether an account with the invited e-mail exists (then the link signs in, else it signs up). */
  accountExists: boolean;
}

export type InvitationProblem = "unknown" | "used" | "revoked" | "expired";

export const INVITATION_PROBLEMS: Record<InvitationProblem, string> = {
  unknown: "This invitation link is not valid. Ask for a new one.",
  used: "This invitation has already been used.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
  expired: "This invitation has expired. Ask for a new one.",
};

/** The invitation a link names, if it can still be accepted. */
export async function openInvitation(db: Database, token: string): Promise<{ ok: true; invitation: OpenInvitation } | { ok: false; problem: InvitationProblem }> {
  if (!looksLikeLinkToken(token)) return { ok: false, problem: "unknown" };
  const [row] = await db
    .select({
      id: workspaceInvitations.id,
      workspaceId: workspaceInvitations.workspaceId,
      workspaceName: workspaces.name,
      workspaceSlug: workspaces.slug,
      deletedAt: workspaces.deletedAt,
      email: workspaceInvitations.email,
      role: workspaceInvitations.role,
      expiresAt: workspaceInvitations.expiresAt,
      acceptedAt: workspaceInvitations.acceptedAt,
      revokedAt: workspaceInvitations.revokedAt,
      accountId: accounts.id,
    })
    .from(workspaceInvitations)
    .innerJoin(workspaces, eq(workspaces.id, workspaceInvitations.workspaceId))
    .leftJoin(accounts, sql`lower(${accounts.email}) = lower(${workspaceInvitations.email})`)
    .where(eq(workspaceInvitations.tokenHash, hashLinkToken(token)));
  if (!row || row.deletedAt) return { ok: false, problem: "unknown" };
  if (row.acceptedAt) return { ok: false, problem: "used" };
  if (row.revokedAt) return { ok: false, problem: "revoked" };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, problem: "expired" };
  const { deletedAt: _d, expiresAt: _e, acceptedAt: _a, revokedAt: _r, accountId, ...invitation } = row;
  return { ok: true, invitation: { ...invitation, accountExists: accountId !== null } };
}

export type AcceptResult = { ok: true; invitation: OpenInvitation } | { ok: false; message: string };

/**
 * Accepts the invitation for this account: once only (the row is locked), and only for the
 * invited e-mail address, since the link may have been forwarded.
 */
export async function acceptInvitation(db: Database, token: string, account: { id: string; email: string }): Promise<AcceptResult> {
  return db.transaction(async (tx) => {
    const found = await openInvitation(tx as unknown as Database, token);
    if (!found.ok) return { ok: false as const, message: INVITATION_PROBLEMS[found.problem] };
    const { invitation } = found;
    if (invitation.email.toLowerCase() !== account.email.toLowerCase()) {
      return { ok: false as const, message: `This invitation is for ${invitation.email}; sign in with that address to accept it.` };
    }
    const taken = await tx
      .update(workspaceInvitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: account.id })
      .where(and(eq(workspaceInvitations.id, invitation.id), isNull(workspaceInvitations.acceptedAt), isNull(workspaceInvitations.revokedAt)))
      .returning({ id: workspaceInvitations.id });
    if (!taken.length) return { ok: false as const, message: INVITATION_PROBLEMS.used };
    await addMember(tx, invitation.workspaceId, account.id, invitation.role);
    return { ok: true as const, invitation };
  });
}
