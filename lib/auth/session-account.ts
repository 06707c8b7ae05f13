import { getDb } from "@/db/client";
import type { HeaderBag } from "@/lib/http/types";
import type { PublicAccount } from "./accounts-store";
import { sessionClaims } from "./session-cookie";
import { activeSessionAccount } from "./sessions-store";

/**
 * The signed-in account of a browser request, or null when signed out or when its session has ended
 * (signed out elsewhere, revoked by a role change, expired): the cookie alone is not enough.
 */
export async function sessionAccount(headers: HeaderBag): Promise<PublicAccount | null> {
  const claims = await sessionClaims(headers);
  return claims ? activeSessionAccount(getDb(), claims.sessionId, claims.accountId) : null;
}
