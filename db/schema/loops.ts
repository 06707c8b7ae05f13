import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./auth";

/**
 * A loop. It may be created in the dashboard first (name only) and defined later through
 * POST /definitions/ with x-loop-id; the definition columns are null until then. The learner and
 * monitor state are JSON text (not jsonb) so numbers round-trip bit for bit and writes stay cheap.
 */
export const loops = pgTable(
  "loops",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text().notNull(),
    taskType: text({ enum: ["classification", "regression"] }),
    inputSchema: jsonb().$type<Record<string, string>>(),
    outputSchema: jsonb().$type<Record<string, string>>(),
    settings: jsonb().$type<Record<string, unknown>>(),
    learnerState: text(),
    monitorState: text(),
    /** A small summary of the monitor (current metrics, drift events) for lists, kept beside the state. */
    metrics: jsonb().$type<Record<string, unknown>>(),
    /** Labelled examples learned. */
    nSeen: integer().notNull().default(0),
    /** Increases with every applied training batch; predictions report it as model_version. */
    version: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    definedAt: timestamp({ withTimezone: true }),
    lastTrainedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("loops_account_created_idx").on(t.accountId, t.createdAt)],
);

export type LoopRow = typeof loops.$inferSelect;

/** A sample of recent predictions per loop, for the loop page (kept short: see recordPredictions). */
export const loopPredictions = pgTable(
  "loop_predictions",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
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
