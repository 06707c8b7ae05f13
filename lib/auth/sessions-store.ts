import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, authSessions } from "@/db/schema";
import type { PublicAccount } from "./accounts-store";

/** How long a browser sign-in lasts (the session cookie's own lifetime is the same). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface NewSession {
  accountId: string;
  clientAddress?: string | null;
  userAgent?: string | null;
}

/** Records a sign-in; its id goes into the session cookie. */
export async function createSession(db: Database, session: NewSession): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({
      accountId: session.accountId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      clientAddress: session.clientAddress?.slice(0, 100) ?? null,
      userAgent: session.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: authSessions.id });
  return row!.id;
}

/** The account of a session that is neither revoked nor expired, if the account is not disabled; null otherwise. */
export async function activeSessionAccount(db: Database, sessionId: string, accountId: string): Promise<PublicAccount | null> {
  const [row] = await db
    .select({
      id: accounts.id,
      email: accounts.email,
      username: accounts.username,
      name: accounts.name,
      role: accounts.role,
      isAdmin: accounts.isAdmin,
      createdAt: accounts.createdAt,
    })
    .from(authSessions)
    .innerJoin(accounts, eq(accounts.id, authSessions.accountId))
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.accountId, accountId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, sql`now()`), isNull(accounts.disabledAt)));
  return row ?? null;
}

/** Sign-out: this session ends now, wherever its cookie is. */
export async function revokeSession(db: Database, sessionId: string): Promise<void> {
  await db.update(authSessions).set({ revokedAt: sql`now()` }).where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Every session of the account ends (disabled, a password change), but `except`; returns how many. */
export async function revokeAccountSessions(db: Database, accountId: string, except?: string): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(authSessions.accountId, accountId), isNull(authSessions.revokedAt), except ? ne(authSessions.id, except) : undefined))
    .returning({ id: authSessions.id });
  return rows.length;
}

/** Drops sessions that ended more than a day ago (the hourly sweep). */
export async function deleteEndedSessions(db: Database): Promise<number> {
  const rows = await db
    .delete(authSessions)
    .where(sql`coalesce(${authSessions.revokedAt}, ${authSessions.expiresAt}) < now() - interval '1 day'`)
    .returning({ id: authSessions.id });
  return rows.length;
}
