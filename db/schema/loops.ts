import { bigserial, index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { accounts } from "./auth";
import { workspaces } from "./workspaces";

/**
 * A loop. It may be created in the dashboard first (name only) and defined later through
 * POST /definitions/ with x-loop-id; the definition columns are null until then. The learner and
 * monitor state are JSON text (not jsonb) so numbers round-trip bit for bit and writes stay cheap.
 */
export const loops = pgTable(
  "loops",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    taskType: text({ enum: ["classification", "regression"] }),
    /** json, not jsonb: jsonb orders keys by length, and a loop's fields keep the order they were defined in. */
    inputSchema: json().$type<Record<string, string>>(),
    outputSchema: json().$type<Record<string, string>>(),
    settings: jsonb().$type<Record<string, unknown>>(),
    learnerState: text(),
    monitorState: text(),
    /** A small summary of the monitor (current metrics, drift events) for lists, kept beside the state. */
    metrics: jsonb().$type<Record<string, unknown>>(),
    /** Labelled examples learned. */
    nSeen: integer().notNull().default(0),
    /** Increases with every applied training batch; predictions report it as model_version. */
    version: integer().notNull().default(0),
    /**
     * The version the stored states are at. Up to `version`, the batches since are kept in
     * loop_examples and learned again when the states are read (lib/loops/loop-log.ts).
     */
    stateVersion: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    definedAt: timestamp({ withTimezone: true }),
    lastTrainedAt: timestamp({ withTimezone: true }),
    /** In the trash: the API answers 404 until restored; purged 30 days later. */
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid().references(() => accounts.id, { onDelete: "set null" }),
  },
  (t) => [index("loops_workspace_created_idx").on(t.workspaceId, t.createdAt), index("loops_deleted_idx").on(t.deletedAt).where(sql`${t.deletedAt} is not null`)],
);

export type LoopRow = typeof loops.$inferSelect;

/**
 * The training batches a loop learned since its states were last stored, one row per version: the
 * requests' bodies as sent and their times, in the order they were learned (lib/loops/loop-log.ts).
 */
export const loopExamples = pgTable(
  "loop_examples",
  {
    // No key to workspaces: the loop's key already removes the rows with their workspace, and checking a
    // second key locked the workspace's row in every training group's statement.
    workspaceId: uuid().notNull(),
    loopId: uuid()
      .notNull()
      .references(() => loops.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    entries: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.loopId, t.version] })],
);

/** A sample of recent predictions per loop, for the loop page (kept short: see recordPredictions). */
export const loopPredictions = pgTable(
  "loop_predictions",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    loopId: uuid()
      .notNull()
      .references(() => loops.id, { onDelete: "cascade" }),
    input: jsonb().$type<Record<string, unknown>>().notNull(),
    output: jsonb().$type<unknown>(),
    explanation: jsonb().$type<Record<string, unknown>>().notNull(),
    modelVersion: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("loop_predictions_loop_idx").on(t.loopId, t.id)],
);

export type LoopPredictionRow = typeof loopPredictions.$inferSelect;
