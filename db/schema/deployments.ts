import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { accounts } from "./auth";
import { workspaces } from "./workspaces";
import { models } from "./models";
import { trainingJobs } from "./training";
import { exactJsonb } from "./exact-jsonb";

export const deploymentStatus = pgEnum("deployment_status", ["waiting", "loading", "running", "failed"]);

export interface Placement {
  clusterID: string;
  node: string;
  continuum: boolean | string;
}

/** A model version served in-process by every app instance under a caller-chosen or generated id. */
export const deployments = pgTable(
  "deployments",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** The document's deployment_id: given by the caller or generated. */
    deploymentId: text().notNull(),
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "no action" }),
    /**
     * What the deployment follows: an alias name (it rolls when the alias moves), a version number
     * (pinned), or null (pinned to the latest version at deploy time, by deployments made before
     * new deployments followed `production`).
     */
    versionRef: text(),
    /** The model version the deployment resolved to and serves. */
    version: integer(),
    /** The version served before the last roll or rollback: what "Roll back" returns to. */
    previousVersion: integer(),
    /** When the served version last changed by a roll, a rollback or following an alias again. */
    rolledAt: timestamp({ withTimezone: true }),
    /** Why the last attempt to roll to a new version was refused (null once a roll succeeds). */
    rollFailure: text(),
    /** The version that last attempt tried to roll to. */
    rollFailedVersion: integer(),
    ownerid: text().notNull().default(""),
    placement: jsonb().$type<Placement>().notNull(),
    inferenceData: smallint().notNull().default(0),
    status: deploymentStatus().notNull().default("waiting"),
    reason: text(),
    autoRetrainOnDrift: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * In the trash: not served, hidden from the API, its deployment_id still reserved. Trashed with
     * its model when deleted_at equals the model's (restored together).
     */
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid().references(() => accounts.id, { onDelete: "set null" }),
  },
  (t) => [
    index("deployments_deleted_idx").on(t.deletedAt).where(sql`${t.deletedAt} is not null`),
    uniqueIndex("deployments_workspace_deployment_id_key").on(t.workspaceId, t.deploymentId),
    index("deployments_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("deployments_model_idx").on(t.modelId),
  ],
);

export type DeploymentRow = typeof deployments.$inferSelect;

export const deploymentEventKinds = ["rolled", "roll_failed", "rolled_back", "followed"] as const;
export type DeploymentEventKind = (typeof deploymentEventKinds)[number];

/** A change of the version a deployment serves (or a refused one): its page's history. */
export const deploymentEvents = pgTable(
  "deployment_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    deploymentRowId: uuid()
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    kind: text({ enum: deploymentEventKinds }).notNull(),
    fromVersion: integer(),
    toVersion: integer(),
    /** The alias whose move caused it, when one did. */
    alias: text(),
    /** The training job whose promotion caused it, when one did. */
    trainingJobId: uuid().references(() => trainingJobs.id, { onDelete: "set null" }),
    reason: text(),
    actorLabel: text().notNull().default("system"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("deployment_events_deployment_idx").on(t.deploymentRowId, t.id.desc()),
    index("deployment_events_training_job_idx").on(t.trainingJobId),
  ],
);

export type DeploymentEventRow = typeof deploymentEvents.$inferSelect;

/** One prediction (or an externally recorded operation) on a deployment. */
export const deploymentOperations = pgTable(
  "deployment_operations",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    deploymentRowId: uuid()
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    ownerid: text().notNull().default(""),
    /** predict: served here; external: recorded through POST /deployment/add/operation. */
    source: text({ enum: ["predict", "external"] }).notNull(),
    /** As sent: external operations' JSON text stays text (exactJsonb). */
    input: exactJsonb().notNull(),
    output: exactJsonb(),
    explanation: jsonb(),
    latencyMs: real(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("deployment_operations_deployment_idx").on(t.deploymentRowId, t.id.desc()),
    index("deployment_operations_owner_idx").on(t.workspaceId, t.ownerid, t.id.desc()),
  ],
);

export type DeploymentOperationRow = typeof deploymentOperations.$inferSelect;

/** One drift check of a deployment's recent operations against its model's training data. */
export const driftChecks = pgTable(
  "drift_checks",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    deploymentRowId: uuid()
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    method: smallint().notNull(),
    windowSize: integer().notNull(),
    referenceSize: integer().notNull(),
    drifted: boolean(),
    /** Per feature: test, statistic, p-value, corrected p-value, effect sizes, verdict. */
    features: jsonb().$type<unknown[]>().notNull(),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("drift_checks_deployment_idx").on(t.deploymentRowId, t.createdAt)],
);

export type DriftCheckRow = typeof driftChecks.$inferSelect;
