import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { memberAccess } from "@/lib/auth/member-access";
import { sessionAccount } from "@/lib/auth/session-account";
import type { HeaderBag } from "@/lib/http/types";

/** The request's headers as the framework-free code reads them. */
export async function requestHeaders(): Promise<HeaderBag> {
  return Object.fromEntries((await headers()).entries());
}

/** The signed-in account of a live session, read fresh from the database so role changes and sign-outs apply at once. */
export async function currentAccount(): Promise<PublicAccount | null> {
  return sessionAccount(await requestHeaders());
}

/** The signed-in member, or null. */
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
