import { sql } from "drizzle-orm";
import { bigserial, boolean, index, jsonb, pgEnum, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./auth";

/**
 * owner and admin manage the workspace; member builds (loops, models, deployments, tasks, keys);
 * viewer reads everything and changes nothing; cruncher answers the workspace's tasks in Work only.
 */
export const workspaceRole = pgEnum("workspace_role", ["owner", "admin", "member", "viewer", "cruncher"]);

/**
 * A team's space: every loop, model, deployment, training job, task request and API key belongs to
 * one. Each account that signs up on its own gets a personal workspace whose id is its account id
 * (so data from before workspaces kept its owner id as is).
 */
export const workspaces = pgTable(
  "workspaces",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** In the dashboard's URLs: /w/<slug>/… */
    slug: text().notNull(),
    name: text().notNull(),
    personal: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** In the trash: hidden and unusable (keys refused) until restored or purged. */
    deletedAt: timestamp({ withTimezone: true }),
    /** Share of a cruncher's tasks that are gold (control) questions, 0 … 0.5. */
    goldRate: real().notNull().default(0.1),
    /** Crunchers whose gold accuracy is surely below this (Wilson upper bound) get no more tasks; 0 turns the rule off. */
    goldMinAccuracy: real().notNull().default(0.6),
    /** The rule applies from this many gold answers on. */
    goldMinAnswers: smallint().notNull().default(10),
  },
  (t) => [uniqueIndex("workspaces_slug_key").on(sql`lower(${t.slug})`)],
);

export const workspaceMembers = pgTable(
  "workspace_members",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: workspaceRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.accountId] }), index("workspace_members_account_idx").on(t.accountId)],
);

/** A single-use link that adds whoever opens it (signing up or in) with the role it names. */
export const workspaceInvitations = pgTable(
  "workspace_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: workspaceRole().notNull(),
    /** SHA-256 of the link's token; the token itself is shown once. */
    tokenHash: text().notNull(),
    invitedBy: uuid().references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => accounts.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("workspace_invitations_token_key").on(t.tokenHash), index("workspace_invitations_workspace_idx").on(t.workspaceId, t.createdAt)],
);

/** Who did what and when, per workspace (sign-ins are recorded in every workspace of the account). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Null for the system (e.g. a retraining job); the label keeps the name after an account goes. */
    actorId: uuid().references(() => accounts.id, { onDelete: "set null" }),
    actorLabel: text().notNull(),
    action: text().notNull(),
    /** What was acted on, e.g. "loop 3f2…" or an e-mail address. */
    target: text().notNull().default(""),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_events_workspace_idx").on(t.workspaceId, t.id.desc()), index("audit_events_actor_idx").on(t.workspaceId, t.actorId, t.id.desc())],
);

export type Workspace = typeof workspaces.$inferSelect;
export type WorkspaceRole = (typeof workspaceRole.enumValues)[number];
export type WorkspaceInvitation = typeof workspaceInvitations.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
