import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, type Account, type AccountRole } from "@/db/schema";
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

/** Creates an account. The first account on an empty database becomes the admin. */
export async function createAccount(db: Database, input: SignUpInput): Promise<CreateAccountResult> {
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
    return { ok: true as const, account: account! };
  });
}

export async function verifyCredentials(db: Database, email: string, password: string): Promise<PublicAccount | null> {
  const [row] = await db.select().from(accounts).where(sql`lower(${accounts.email}) = lower(${email.trim()})`);
  if (!row) {
    await hashPassword(password); // same cost whether or not the account exists
    return null;
  }
  if (!(await verifyPassword(row.passwordHash, password))) return null;
  const { passwordHash: _hidden, ...account } = row;
  return account;
}

export async function getAccount(db: Database, id: string): Promise<PublicAccount | null> {
  const [row] = await db.select(publicColumns).from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

export async function listAccounts(db: Database): Promise<PublicAccount[]> {
  return db.select(publicColumns).from(accounts).orderBy(asc(accounts.createdAt));
}

export type SetRoleResult = { ok: true } | { ok: false; status: 403 | 404; message: string };

export async function setAccountRole(db: Database, adminId: string, accountId: string, role: AccountRole): Promise<SetRoleResult> {
  const admin = await getAccount(db, adminId);
  if (!admin?.isAdmin) return { ok: false, status: 403, message: "Only an admin can change roles." };
  if (adminId === accountId && role !== "member") {
    return { ok: false, status: 403, message: "An admin keeps the member role; ask another admin to change yours." };
  }
  const updated = await db.update(accounts).set({ role }).where(eq(accounts.id, accountId)).returning({ id: accounts.id });
  return updated.length ? { ok: true } : { ok: false, status: 404, message: "No such account." };
}

export async function findAccountByEmail(db: Database, email: string): Promise<PublicAccount | null> {
  const [row] = await db.select(publicColumns).from(accounts).where(sql`lower(${accounts.email}) = lower(${email.trim()})`);
  return row ?? null;
}
