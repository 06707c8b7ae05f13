import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, workspaceMembers } from "@/db/schema";

/** A cruncher id as the API shows it: 32 hex digits, the account id without dashes. */
const isCruncherId = (value: string) => /^[0-9a-f]{32}$/.test(value);

/** A cruncher id as the account's uuid, or null for other ids (simulated crunchers). */
export function accountIdOfCruncher(cruncherId: string): string | null {
  const hex = cruncherId.toLowerCase();
  if (!isCruncherId(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Readable names (usernames) of these crunchers, by cruncher id. */
export async function cruncherNames(db: Database, cruncherIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(cruncherIds.map(accountIdOfCruncher).filter((id): id is string => id !== null))].slice(0, 1000);
  if (!ids.length) return new Map();
  const rows = await db.select({ id: accounts.id, username: accounts.username }).from(accounts).where(inArray(accounts.id, ids));
  return new Map(rows.map((r) => [r.id.replace(/-/g, ""), r.username]));
}

/**
 * exclude_crunchers entries as cruncher ids: ids stay as they are; a username (or e-mail) of someone
 * in the workspace becomes their id. Unknown names stay as given (they match nobody).
 */
export async function resolveCruncherHandles(db: Database, workspaceId: string, entries: readonly string[]): Promise<string[]> {
  const normalised = entries.map((e) => e.replace(/-/g, "").toLowerCase());
  const handles = entries.filter((e, i) => !isCruncherId(normalised[i]!)).map((e) => e.trim().toLowerCase()).slice(0, 500);
  if (!handles.length) return normalised;
  const rows = await db
    .select({ id: accounts.id, username: accounts.username, email: accounts.email })
    .from(workspaceMembers)
    .innerJoin(accounts, eq(accounts.id, workspaceMembers.accountId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), or(inArray(sql`lower(${accounts.username})`, handles), inArray(sql`lower(${accounts.email})`, handles))));
  const byHandle = new Map<string, string>();
  for (const r of rows) {
    const id = r.id.replace(/-/g, "");
    byHandle.set(r.username.toLowerCase(), id);
    byHandle.set(r.email.toLowerCase(), id);
  }
  return entries.map((e, i) => (isCruncherId(normalised[i]!) ? normalised[i]! : (byHandle.get(e.trim().toLowerCase()) ?? e.trim())));
}
