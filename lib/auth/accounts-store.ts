import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, type Account } from "@/db/schema";
import { createPersonalWorkspace } from "@/lib/workspaces/store";
import { hashPassword, verifyPassword } from "./password";
import { signUpSchema, fieldErrors, type SignUpInput } from "./schemas";

export type PublicAccount = Pick<Account, "id" | "email" | "username" | "name" | "role" | "isAdmin" | "createdAt">;

const publicColumns = {
  id: accounts.id,
  email: accounts.email,
  username: accounts.username,
  name: accounts.name,
  role: accounts.role,
  isAdmin: accounts.isAdmin,
  createdAt: accounts.createdAt,
};

export type CreateAccountResult =
  | { ok: true; account: PublicAccount }
  | { ok: false; errors: Record<string, string> };

/**
 * Creates an account. The first account on an empty database becomes the admin. A member gets a
 * personal workspace (its id is the account's); a cruncher, or anyone who signs up through an
 * invitation (`personal: false`), joins the workspaces that invite them.
 */
export async function createAccount(db: Database, input: SignUpInput, options: { personal?: boolean } = {}): Promise<CreateAccountResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { email, username, password, role } = parsed.data;
  const passwordHash = await hashPassword(password);

  return db.transaction(async (tx) => {
    // Serialises sign-ups so that exactly one first account becomes the admin.
    await tx.execute(sql`select pg_advisory_xact_lock(727273)`);
    const clash = await tx
      .select({ email: accounts.email, username: accounts.username })
      .from(accounts)
      .where(sql`lower(${accounts.email}) = lower(${email}) or lower(${accounts.username}) = lower(${username})`);
    const errors: Record<string, string> = {};
    for (const row of clash) {
      if (row.email.toLowerCase() === email.toLowerCase()) errors.email = "An account with this e-mail already exists. Sign in instead.";
      if (row.username.toLowerCase() === username.toLowerCase()) errors.username = "This username is taken.";
    }
    if (Object.keys(errors).length) return { ok: false as const, errors };

    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(accounts);
    const isAdmin = count === 0;
    const [account] = await tx
      .insert(accounts)
      .values({ email, username, passwordHash, role: isAdmin ? "member" : role, isAdmin })
      .returning(publicColumns);
    if (account!.role === "member" && options.personal !== false) await createPersonalWorkspace(tx, account!);
    return { ok: true as const, account: account! };
  });
}

export async function verifyCredentials(db: Database, email: string, password: string): Promise<PublicAccount | null> {
  const [row] = await db.select().from(accounts).where(sql`lower(${accounts.email}) = lower(${email.trim()})`);
  if (!row) {
    await hashPassword(password); // same cost whether or not the account exists
    return null;
  }
  if (!(await verifyPassword(row.passwordHash, password)) || row.disabledAt) return null;
  const { passwordHash: _hidden, disabledAt: _disabled, ...account } = row;
  return account;
}

export async function getAccount(db: Database, id: string): Promise<PublicAccount | null> {
  const [row] = await db.select(publicColumns).from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

export async function listAccounts(db: Database): Promise<PublicAccount[]> {
  return db.select(publicColumns).from(accounts).orderBy(asc(accounts.createdAt));
}

export async function findAccountByEmail(db: Database, email: string): Promise<PublicAccount | null> {
  const [row] = await db.select(publicColumns).from(accounts).where(sql`lower(${accounts.email}) = lower(${email.trim()})`);
  return row ?? null;
}

/** Disables or enables an account; the caller ends its sessions and forgets its keys. */
export async function setAccountDisabled(db: Database, accountId: string, disabled: boolean): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ disabledAt: disabled ? sql`now()` : null })
    .where(eq(accounts.id, accountId))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/** Sets a new password (the caller ends the account's other sessions). */
export async function setAccountPassword(db: Database, accountId: string, password: string): Promise<void> {
  await db.update(accounts).set({ passwordHash: await hashPassword(password) }).where(eq(accounts.id, accountId));
}

/** Whether this is the account's password (for changing it). */
export async function checkAccountPassword(db: Database, accountId: string, password: string): Promise<boolean> {
  const [row] = await db.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, accountId));
  return row ? verifyPassword(row.hash, password) : false;
}

/** Accounts with their disabled time, for the admin page. */
export async function listAccountsWithState(db: Database): Promise<(PublicAccount & { disabledAt: Date | null })[]> {
  return db.select({ ...publicColumns, disabledAt: accounts.disabledAt }).from(accounts).orderBy(asc(accounts.createdAt));
}

/** Whether any account exists (an empty server lets its first admin sign up even when sign-up is closed). */
export async function hasAccounts(db: Database): Promise<boolean> {
  const rows = await db.select({ id: accounts.id }).from(accounts).limit(1);
  return rows.length > 0;
}

/** SIGNUP=invite-only closes sign-up to everyone without an invitation link. */
export const signupInviteOnly = (): boolean => process.env.SIGNUP === "invite-only";
