import type { Database } from "@/db/client";
import type { AccountRole } from "@/db/schema";
import { getAccount, setAccountRole, type SetRoleResult } from "./accounts-store";
import { forgetAccountKeysEverywhere } from "./key-lookup";
import { revokeAccountSessions } from "./sessions-store";

/**
 * An admin changes someone's role. A change takes effect at once everywhere: the account's browser
 * sessions end (it signs in again under the new role) and every process forgets its cached keys,
 * which a cruncher's account can no longer use.
 */
export async function changeAccountRole(db: Database, adminId: string, accountId: string, role: AccountRole): Promise<SetRoleResult> {
  const before = await getAccount(db, accountId);
  const result = await setAccountRole(db, adminId, accountId, role);
  if (result.ok && before && before.role !== role) {
    await revokeAccountSessions(db, accountId);
    await forgetAccountKeysEverywhere(accountId);
  }
  return result;
}
