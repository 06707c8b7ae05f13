import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { getDb } from "@/db/client";
import type { WorkspaceRole } from "@/db/schema";
import { addMember } from "@/lib/workspaces/store";
import { createAccount, type PublicAccount } from "./accounts-store";
import { createApiKey } from "./api-keys-store";
import type { CreateApiKeyInput } from "./schemas";
import { createSession } from "./sessions-store";

/** A new account with a unique e-mail and username. */
export async function makeAccount(role: "member" | "cruncher" = "member"): Promise<PublicAccount> {
  const tag = randomUUID().slice(0, 8);
  const result = await createAccount(getDb(), { email: `user-${tag}@example.com`, username: `user-${tag}`, password: "correct horse", role });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.account;
}

/** A key of the workspace (a personal workspace's id is its owner's account id), made by `creatorId`. */
export async function makeKey(workspaceId: string, input: Partial<CreateApiKeyInput> & Pick<CreateApiKeyInput, "scope">, creatorId = workspaceId): Promise<string> {
  const result = await createApiKey(getDb(), workspaceId, { name: `${input.scope} key`, ...input }, creatorId);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.secret;
}

/**
 * The Cookie header of a browser signed in as this account: a live `auth_sessions` row and the
 * session cookie next-auth would have set for it.
 */
export async function sessionCookieFor(account: Pick<PublicAccount, "id" | "email" | "username">): Promise<string> {
  const sid = await createSession(getDb(), { accountId: account.id });
  const token = await encode({ token: { sub: account.id, sid, email: account.email, name: account.username }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

/** Makes the account a member of the workspace with this role (a personal workspace's id is its owner's account id). */
export async function joinWorkspace(workspaceId: string, accountId: string, role: WorkspaceRole): Promise<void> {
  await addMember(getDb(), workspaceId, accountId, role);
}
