import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";
import { models } from "./models";

export const trainingJobStatus = pgEnum("training_job_status", ["waiting", "running", "succeeded", "failed"]);

/** A retraining run of a model's uploaded code on its uploaded data, in a sandbox. */
export const trainingJobs = pgTable(
  "training_jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    placement: jsonb().notNull(),
    status: trainingJobStatus().notNull().default("waiting"),
    log: text().notNull().default(""),
    reason: text(),
    /** The model version the run produced, and whether the `production` alias moved to it. */
    resultVersion: integer(),
    promoted: boolean().notNull().default(false),
    metrics: jsonb(),
    trigger: text({ enum: ["api", "dashboard", "drift"] }).notNull().default("api"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("training_jobs_workspace_created_idx").on(t.workspaceId, t.createdAt)],
);

export type TrainingJobRow = typeof trainingJobs.$inferSelect;
