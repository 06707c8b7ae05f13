import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, passwordResets } from "@/db/schema";
import { hashLinkToken, looksLikeLinkToken, newLinkToken } from "@/lib/workspaces/tokens";
import { setAccountPassword } from "./accounts-store";
import { forgetAccountKeysEverywhere } from "./key-lookup";
import { revokeAccountSessions } from "./sessions-store";

export const RESET_HOURS = 24;

/** A reset link's token for the account (shown once); earlier unused links of the account stop working. */
export async function createPasswordReset(db: Database, accountId: string, createdBy: string | null): Promise<string> {
  const { token, hash } = newLinkToken();
  await db.transaction(async (tx) => {
    await tx.update(passwordResets).set({ usedAt: sql`now()` }).where(and(eq(passwordResets.accountId, accountId), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({ accountId, tokenHash: hash, createdBy, expiresAt: new Date(Date.now() + RESET_HOURS * 3_600_000) });
  });
  return token;
}

/** The account a live reset link is for, or null. */
export async function openPasswordReset(db: Database, token: string): Promise<{ accountId: string; email: string } | null> {
  if (!looksLikeLinkToken(token)) return null;
  const [row] = await db
    .select({ accountId: passwordResets.accountId, email: accounts.email })
    .from(passwordResets)
    .innerJoin(accounts, eq(accounts.id, passwordResets.accountId))
    .where(and(eq(passwordResets.tokenHash, hashLinkToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`), isNull(accounts.disabledAt)));
  return row ?? null;
}

/** Sets the new password through the link, once; every session of the account ends. */
export async function usePasswordReset(db: Database, token: string, password: string): Promise<{ accountId: string } | null> {
  const found = await openPasswordReset(db, token);
  if (!found) return null;
  const used = await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.tokenHash, hashLinkToken(token)), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  if (!used.length) return null;
  await setAccountPassword(db, found.accountId, password);
  await revokeAccountSessions(db, found.accountId);
  await forgetAccountKeysEverywhere(found.accountId);
  return { accountId: found.accountId };
}
