import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, workspaceMembers, workspaces, type Workspace, type WorkspaceRole } from "@/db/schema";
import { isUuid } from "@/lib/ids";

type DbOrTx = Pick<Database, "select" | "insert" | "update" | "delete" | "execute">;

export type WorkspaceSummary = Pick<Workspace, "id" | "slug" | "name" | "personal">;
export interface Membership {
  workspace: WorkspaceSummary;
  role: WorkspaceRole;
}

const summary = { id: workspaces.id, slug: workspaces.slug, name: workspaces.name, personal: workspaces.personal };

/** A URL-safe slug from a name: lower case letters, digits, dots, dashes; never empty. */
export function slugFrom(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 40);
  return slug || "workspace";
}

/** The slug itself, or with -2, -3 … when it is taken (serialised by the caller's transaction lock). */
async function freeSlug(tx: DbOrTx, wanted: string): Promise<string> {
  const taken = await tx
    .select({ slug: workspaces.slug })
    .from(workspaces)
    .where(sql`lower(${workspaces.slug}) = ${wanted} or lower(${workspaces.slug}) like ${`${wanted}-%`}`);
  const names = new Set(taken.map((r) => r.slug.toLowerCase()));
  if (!names.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!names.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

const SLUG_LOCK = sql`select pg_advisory_xact_lock(727275)`;

/** The personal workspace of a new account: its id is the account's id, its owner the account. */
export async function createPersonalWorkspace(tx: DbOrTx, account: { id: string; username: string }): Promise<WorkspaceSummary> {
  await tx.execute(SLUG_LOCK);
  const slug = await freeSlug(tx, slugFrom(account.username));
  const [workspace] = await tx.insert(workspaces).values({ id: account.id, slug, name: account.username, personal: true }).returning(summary);
  await tx.insert(workspaceMembers).values({ workspaceId: account.id, accountId: account.id, role: "owner" });
  return workspace!;
}

/** A new team workspace owned by its creator. */
export async function createWorkspace(db: Database, ownerId: string, name: string): Promise<WorkspaceSummary> {
  return db.transaction(async (tx) => {
    await tx.execute(SLUG_LOCK);
    const slug = await freeSlug(tx, slugFrom(name));
    const [workspace] = await tx.insert(workspaces).values({ slug, name }).returning(summary);
    await tx.insert(workspaceMembers).values({ workspaceId: workspace!.id, accountId: ownerId, role: "owner" });
    return workspace!;
  });
}

/** The workspaces an account belongs to (not those in the trash), personal first, then by name. */
export async function membershipsOf(db: Database, accountId: string): Promise<Membership[]> {
  const rows = await db
    .select({ ...summary, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(and(eq(workspaceMembers.accountId, accountId), isNull(workspaces.deletedAt)))
    .orderBy(sql`${workspaces.personal} desc`, asc(workspaces.name));
  return rows.map(({ role, ...workspace }) => ({ workspace, role }));
}

/**
 * The account's membership of the workspace named by slug or id, or, with no name, its default one
 * (its personal workspace, else the first it belongs to). Null when it belongs to none of them.
 */
export async function findMembership(db: Database, accountId: string, slugOrId?: string | null): Promise<Membership | null> {
  const named = slugOrId?.trim().toLowerCase();
  const where = named
    ? and(eq(workspaceMembers.accountId, accountId), isNull(workspaces.deletedAt), isUuid(named) ? eq(workspaces.id, named) : sql`lower(${workspaces.slug}) = ${named}`)
    : and(eq(workspaceMembers.accountId, accountId), isNull(workspaces.deletedAt));
  const [row] = await db
    .select({ ...summary, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(where)
    .orderBy(sql`${workspaces.personal} desc`, asc(workspaces.createdAt))
    .limit(1);
  if (!row) return null;
  const { role, ...workspace } = row;
  return { workspace, role };
}

export interface MemberRow {
  accountId: string;
  username: string;
  email: string;
  name: string;
  role: WorkspaceRole;
  disabled: boolean;
  joinedAt: Date;
}

export async function listMembers(db: Database, workspaceId: string): Promise<MemberRow[]> {
  const rows = await db
    .select({
      accountId: accounts.id,
      username: accounts.username,
      email: accounts.email,
      name: accounts.name,
      role: workspaceMembers.role,
      disabledAt: accounts.disabledAt,
      joinedAt: workspaceMembers.createdAt,
    })
    .from(workspaceMembers)
    .innerJoin(accounts, eq(accounts.id, workspaceMembers.accountId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(workspaceMembers.createdAt));
  return rows.map(({ disabledAt, ...row }) => ({ ...row, disabled: disabledAt !== null }));
}

export async function memberRole(db: DbOrTx, workspaceId: string, accountId: string): Promise<WorkspaceRole | null> {
  const [row] = await db
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.accountId, accountId)));
  return row?.role ?? null;
}

/** Adds the account, or changes its role when it is already a member (never lowers an owner here). */
export async function addMember(db: DbOrTx, workspaceId: string, accountId: string, role: WorkspaceRole): Promise<void> {
  await db
    .insert(workspaceMembers)
    .values({ workspaceId, accountId, role })
    .onConflictDoUpdate({ target: [workspaceMembers.workspaceId, workspaceMembers.accountId], set: { role }, setWhere: sql`${workspaceMembers.role} <> 'owner'` });
}

async function otherOwners(tx: DbOrTx, workspaceId: string, accountId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, "owner"), ne(workspaceMembers.accountId, accountId)));
  return row?.n ?? 0;
}

/** Serialises changes to one workspace's members, so the last-owner rule holds under concurrent changes. */
async function lockMembers(tx: DbOrTx, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`workspace-members:${workspaceId}`}))`);
}

export type MemberChange = { ok: true; before: WorkspaceRole } | { ok: false; status: 404 | 409; message: string };

/** Changes a member's role; the last owner keeps theirs (transfer ownership first). */
export async function setMemberRole(db: Database, workspaceId: string, accountId: string, role: WorkspaceRole): Promise<MemberChange> {
  return db.transaction(async (tx) => {
    await lockMembers(tx, workspaceId);
    const before = await memberRole(tx, workspaceId, accountId);
    if (!before) return { ok: false as const, status: 404 as const, message: "No such member." };
    if (before === "owner" && role !== "owner" && !(await otherOwners(tx, workspaceId, accountId))) {
      return { ok: false as const, status: 409 as const, message: "A workspace keeps at least one owner: make someone else owner first." };
    }
    await tx.update(workspaceMembers).set({ role }).where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.accountId, accountId)));
    return { ok: true as const, before };
  });
}

/** Removes a member (their data stays with the workspace); the last owner cannot be removed. */
export async function removeMember(db: Database, workspaceId: string, accountId: string): Promise<MemberChange> {
  return db.transaction(async (tx) => {
    await lockMembers(tx, workspaceId);
    const before = await memberRole(tx, workspaceId, accountId);
    if (!before) return { ok: false as const, status: 404 as const, message: "No such member." };
    if (before === "owner" && !(await otherOwners(tx, workspaceId, accountId))) {
      return { ok: false as const, status: 409 as const, message: "The last owner cannot leave: make someone else owner first, or delete the workspace." };
    }
    await tx.delete(workspaceMembers).where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.accountId, accountId)));
    return { ok: true as const, before };
  });
}

/** Makes `toAccountId` an owner and the current owner an admin, in one step. */
export async function transferOwnership(db: Database, workspaceId: string, fromAccountId: string, toAccountId: string): Promise<MemberChange> {
  return db.transaction(async (tx) => {
    await lockMembers(tx, workspaceId);
    const target = await memberRole(tx, workspaceId, toAccountId);
    if (!target) return { ok: false as const, status: 404 as const, message: "The new owner must be a member of the workspace." };
    await tx.update(workspaceMembers).set({ role: "owner" }).where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.accountId, toAccountId)));
    if (fromAccountId !== toAccountId) {
      await tx.update(workspaceMembers).set({ role: "admin" }).where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.accountId, fromAccountId)));
    }
    return { ok: true as const, before: target };
  });
}

export async function renameWorkspace(db: Database, workspaceId: string, name: string): Promise<void> {
  await db.update(workspaces).set({ name }).where(eq(workspaces.id, workspaceId));
}

/** Moves the workspace to the trash (its keys stop), or back. */
export async function setWorkspaceTrashed(db: Database, workspaceId: string, trashed: boolean): Promise<boolean> {
  const rows = await db
    .update(workspaces)
    .set({ deletedAt: trashed ? sql`now()` : null })
    .where(eq(workspaces.id, workspaceId))
    .returning({ id: workspaces.id });
  return rows.length > 0;
}

/** Workspaces in the trash that this account owns, to restore. */
export async function trashedWorkspacesOf(db: Database, accountId: string): Promise<(WorkspaceSummary & { deletedAt: Date })[]> {
  const rows = await db
    .select({ ...summary, deletedAt: workspaces.deletedAt })
    .from(workspaces)
    .innerJoin(workspaceMembers, eq(workspaceMembers.workspaceId, workspaces.id))
    .where(and(eq(workspaceMembers.accountId, accountId), eq(workspaceMembers.role, "owner"), sql`${workspaces.deletedAt} is not null`));
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt! }));
}

/** A workspace by its slug (not in the trash), for the admin command line. */
export async function findWorkspaceBySlug(db: Database, slug: string): Promise<WorkspaceSummary | null> {
  const [row] = await db.select(summary).from(workspaces).where(and(sql`lower(${workspaces.slug}) = ${slug.trim().toLowerCase()}`, isNull(workspaces.deletedAt)));
  return row ?? null;
}
