import type { PublicAccount } from "./accounts-store";

/** Who may use the members' dashboard (models, deployments, loops, tasks): signed in, as a member. */
export type MemberAccess = { ok: true; account: PublicAccount } | { ok: false; reason: "signed-out" | "not-member" };

export function memberAccess(account: PublicAccount | null | undefined): MemberAccess {
  if (!account) return { ok: false, reason: "signed-out" };
  return account.role === "member" ? { ok: true, account } : { ok: false, reason: "not-member" };
}
