import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getAccount, verifyCredentials, type PublicAccount } from "@/lib/auth/accounts-store";
import { memberAccess } from "@/lib/auth/member-access";
import { signInSchema } from "@/lib/auth/schemas";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const account = await verifyCredentials(getDb(), parsed.data.email, parsed.data.password);
        return account ? { id: account.id, email: account.email, name: account.username } : null;
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
};

/** The signed-in account, read fresh from the database so role changes apply at once. */
export async function currentAccount(): Promise<PublicAccount | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? getAccount(getDb(), id) : null;
}

/** The signed-in member, or null: for session routes that answer 401 rather than redirect. */
export async function currentMember(): Promise<PublicAccount | null> {
  const access = memberAccess(await currentAccount());
  return access.ok ? access.account : null;
}

export async function requireAccount(): Promise<PublicAccount> {
  const account = await currentAccount();
  if (!account) redirect("/login");
  return account;
}

/** Dashboard pages are for members; crunchers are sent to the Work area. */
export async function requireMember(): Promise<PublicAccount> {
  const access = memberAccess(await requireAccount());
  if (!access.ok) redirect("/work");
  return access.account;
}

export async function requireAdmin(): Promise<PublicAccount> {
  const account = await requireMember();
  if (!account.isAdmin) redirect("/");
  return account;
}
