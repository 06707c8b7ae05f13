import { getDb } from "@/db/client";
import { createAccount, findAccountByEmail, listAccountsWithState } from "@/lib/auth/accounts-store";
import { createApiKey, findApiKeyByIdOrPrefix, listApiKeys } from "@/lib/auth/api-keys-store";
import { forgetWorkspaceKeysEverywhere, revokeApiKeyEverywhere } from "@/lib/auth/key-lookup";
import { createPasswordReset, RESET_HOURS } from "@/lib/auth/password-resets";
import { SCOPES, ROLES } from "@/lib/auth/schemas";
import { configuredPublicUrl } from "@/lib/http/public-url";
import { SYSTEM_ACTOR, recordAudit } from "@/lib/workspaces/audit";
import { createInvitation, INVITATION_DAYS } from "@/lib/workspaces/invitations";
import { changeMemberRole, setAccountEnabled } from "@/lib/workspaces/lifecycle";
import { KEY_ROLES, WORKSPACE_ROLES } from "@/lib/workspaces/roles";
import { addMember, createWorkspace, findMembership, findWorkspaceBySlug, memberRole, membershipsOf } from "@/lib/workspaces/store";

/** The admin command line's commands, apart from argument parsing and printing (lib/admin/cli.ts). */
export class UsageError extends Error {}

/** How many migrations the database has recorded (drizzle's journal table). */
async function appliedMigrationCount(db: ReturnType<typeof getDb>): Promise<number> {
  const rows = await db.$client<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
  return rows[0]?.n ?? 0;
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} is one of ${allowed.join(", ")}`);
  return value as T;
}

/** Links printed by the command line start with PUBLIC_URL (else http://localhost:PORT). */
const baseUrl = () => configuredPublicUrl() ?? `http://localhost:${process.env.PORT ?? 3000}`;

export async function runAdminCommand(command: string | undefined, values: Record<string, string | boolean | undefined>): Promise<unknown> {
  const db = getDb();
  const str = (name: string) => values[name] as string | undefined;
  const accountFor = async (email: string) => {
    const account = await findAccountByEmail(db, email);
    if (!account) throw new UsageError(`no account with e-mail ${email}`);
    return account;
  };
  /** The workspace --workspace names (slug or id) that the account belongs to, else its default one. */
  const workspaceOf = async (accountId: string) => {
    const membership = await findMembership(db, accountId, str("workspace"));
    if (!membership) throw new UsageError(str("workspace") ? `the account is not in workspace ${str("workspace")}` : "the account is in no workspace; pass --workspace");
    return membership;
  };
  switch (command) {
    case "create-user": {
      const email = need(str("email"), "--email");
      const role = oneOf(str("role") ?? "member", ROLES, "--role");
      const result = await createAccount(db, {
        email,
        password: need(str("password"), "--password"),
        username: str("username") ?? email.split("@")[0]!.replace(/[^A-Za-z0-9._-]/g, "-"),
        role,
      });
      if (!result.ok) throw new UsageError(Object.entries(result.errors).map(([k, v]) => `${k}: ${v}`).join("; "));
      return result.account;
    }
    case "list-users":
      return (await listAccountsWithState(db)).map(({ disabledAt, ...a }) => ({ ...a, disabled: disabledAt !== null }));
    case "disable-user":
    case "enable-user": {
      const account = await accountFor(need(str("email"), "--email"));
      const result = await setAccountEnabled(db, { id: null, label: "admin command line" }, account.id, account.username, command === "enable-user");
      if (!result.ok) throw new UsageError(result.message);
      return { account: account.email, enabled: command === "enable-user" };
    }
    case "reset-password": {
      const account = await accountFor(need(str("email"), "--email"));
      const token = await createPasswordReset(db, account.id, null);
      return { account: account.email, link: `${baseUrl()}/reset/${token}`, valid: `${RESET_HOURS} hours, once` };
    }
    case "list-workspaces": {
      const account = await accountFor(need(str("email"), "--email"));
      return (await membershipsOf(db, account.id)).map((m) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role, personal: m.workspace.personal, id: m.workspace.id }));
    }
    case "create-workspace": {
      const owner = await accountFor(need(str("email"), "--email"));
      const workspace = await createWorkspace(db, owner.id, need(str("name"), "--name"));
      await recordAudit(db, workspace.id, SYSTEM_ACTOR, { action: "workspace.created", target: workspace.name });
      return workspace;
    }
    case "invite": {
      const inviter = await accountFor(need(str("by"), "--by"));
      const { workspace } = await workspaceOf(inviter.id);
      const role = oneOf(str("role") ?? "member", WORKSPACE_ROLES, "--role");
      const { invitation, token } = await createInvitation(db, workspace.id, inviter.id, need(str("email"), "--email"), role);
      await recordAudit(db, workspace.id, { id: inviter.id, label: `${inviter.username} (command line)` }, { action: "member.invited", target: invitation.email, detail: { role } });
      return { workspace: workspace.slug, email: invitation.email, role, link: `${baseUrl()}/invite/${token}`, valid: `${INVITATION_DAYS} days, once` };
    }
    case "set-role": {
      // Adds the account to the workspace with this role, or changes its role there (at once, on every server).
      const account = await accountFor(need(str("email"), "--email"));
      const slug = need(str("workspace"), "--workspace");
      const workspace = (await findWorkspaceBySlug(db, slug)) ?? (() => { throw new UsageError(`no workspace ${slug}`); })();
      const role = oneOf(need(str("role"), "--role"), WORKSPACE_ROLES, "--role");
      const actor = { id: null, label: "admin command line" };
      if (!(await memberRole(db, workspace.id, account.id))) {
        await addMember(db, workspace.id, account.id, role);
        await forgetWorkspaceKeysEverywhere(workspace.id);
        await recordAudit(db, workspace.id, actor, { action: "member.joined", target: account.email, detail: { role } });
      } else {
        const result = await changeMemberRole(db, workspace.id, actor, account.id, account.username, role);
        if (!result.ok) throw new UsageError(result.message);
      }
      return { workspace: workspace.slug, account: account.email, role };
    }
    case "create-key": {
      const account = await accountFor(need(str("email"), "--email"));
      const { workspace } = await workspaceOf(account.id);
      const scope = oneOf(need(str("scope"), "--scope"), SCOPES, "--scope");
      const result = await createApiKey(
        db,
        workspace.id,
        { name: str("name") ?? `${scope} key`, scope, mode: values.test ? "test" : "live", loopId: str("loop"), role: oneOf(str("role") ?? "member", KEY_ROLES, "--role") },
        account.id,
      );
      if (!result.ok) throw new UsageError(Object.entries(result.errors).map(([k, v]) => `${k}: ${v}`).join("; "));
      return { ...result.key, workspace: workspace.slug, secret: result.secret };
    }
    case "list-keys": {
      const account = await accountFor(need(str("email"), "--email"));
      return listApiKeys(db, (await workspaceOf(account.id)).workspace.id);
    }
    case "revoke-key": {
      const key = await findApiKeyByIdOrPrefix(db, need(str("key"), "--key"));
      if (!key) throw new UsageError("no such key");
      if (!(await revokeApiKeyEverywhere(key.workspaceId, key.id))) throw new UsageError("the key is already revoked");
      return { revoked: key.id, prefix: key.prefix };
    }
    case "migrate":
      // The command line applied them (prepareDatabase) before running any command; this one says so.
      return { migrated: true, applied: await appliedMigrationCount(db) };
    default:
      throw new UsageError(command ? `unknown command ${command}` : "no command given");
  }
}
