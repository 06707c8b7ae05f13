import { sql } from "drizzle-orm";
import { bigint, boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaceRole, workspaces } from "./workspaces";

/**
 * What an account signed up as: member (gets a personal workspace) or cruncher (answers tasks in the
 * workspaces that invite it). What it may do in a workspace is its role there (workspace_members).
 */
export const accountRole = pgEnum("account_role", ["member", "cruncher"]);
export const apiKeyScope = pgEnum("api_key_scope", ["loops", "models", "tasks"]);
/** Task keys are live (real crunchers) or test (staging, secret starts with `test_`); other scopes are always live. */
export const apiKeyMode = pgEnum("api_key_mode", ["live", "test"]);

export const accounts = pgTable(
  "accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    /** Sent as X-username by loop clients. */
    username: text().notNull(),
    name: text().notNull().default(""),
    passwordHash: text().notNull(),
    role: accountRole().notNull().default("member"),
    isAdmin: boolean().notNull().default(false),
    /** A disabled account's sessions and keys stop at once; its data stays with its workspaces. */
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_email_key").on(sql`lower(${t.email})`),
    uniqueIndex("accounts_username_key").on(sql`lower(${t.username})`),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Who created the key: it acts as them, never with more than their role in the workspace. */
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The most the key may do (a viewer key only reads), whatever its creator's role. */
    role: workspaceRole().notNull().default("member"),
    name: text().notNull(),
    scope: apiKeyScope().notNull(),
    mode: apiKeyMode().notNull().default("live"),
    /** A loops key may be bound to one loop; it then acts on that loop only. */
    loopId: uuid(),
    /** The first characters of the secret, shown in lists so a key can be recognised. */
    prefix: text().notNull(),
    /** SHA-256 of the secret, hex. The secret itself is shown once and never stored. */
    secretHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    /** Requests made with the key, added in batches by each server. */
    requestCount: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    index("api_keys_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("api_keys_account_created_idx").on(t.accountId, t.createdAt),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type AccountRole = (typeof accountRole.enumValues)[number];
export type ApiKeyScope = (typeof apiKeyScope.enumValues)[number];
export type ApiKeyMode = (typeof apiKeyMode.enumValues)[number];
