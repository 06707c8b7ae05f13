import type { HeaderBag } from "@/lib/http/types";
import type { PublicAccount } from "./accounts-store";
import { sessionAccount } from "./session-account";

/**
 * Who may call a dashboard session route: `member` (the members' dashboard: crunchers are refused),
 * `worker` (the Work area: anyone signed in; members work too, under their own cruncher id) or
 * `admin`.
 */
export type SessionAccess = "member" | "worker" | "admin";

export interface SessionPrincipal {
  accountId: string;
  account: PublicAccount;
}

type Outcome = { ok: true; principal: SessionPrincipal } | { ok: false; status: 401 | 403; message: string };

const REFUSALS: Record<SessionAccess, string> = {
  member: "This part of the dashboard is for members.",
  worker: "Sign in first.",
  admin: "Only an admin can do this.",
};

/** The signed-in account of a live session, if it has the access the route declares. */
export async function authenticateSession(headers: HeaderBag, access: SessionAccess): Promise<Outcome> {
  const account = await sessionAccount(headers);
  if (!account) return { ok: false, status: 401, message: "Sign in first." };
  const allowed = access === "worker" || (access === "member" && account.role === "member") || (access === "admin" && account.role === "member" && account.isAdmin);
  return allowed ? { ok: true, principal: { accountId: account.id, account } } : { ok: false, status: 403, message: REFUSALS[access] };
}
