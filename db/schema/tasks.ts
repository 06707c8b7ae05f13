import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { apiKeyMode, apiKeys } from "./auth";
import { workspaces } from "./workspaces";

export const taskRequestStatus = pgEnum("task_request_status", ["pending", "complete", "aborted"]);
export const taskAssignmentState = pgEnum("task_assignment_state", ["leased", "answered", "skipped"]);

/**
 * A human-task request (the document's Request object). Live and test requests share the table and
 * are kept apart by `mode` in every query; params are the validated creation parameters with defaults.
 */
export const taskRequests = pgTable(
  "task_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    mode: apiKeyMode().notNull(),
    type: text().notNull(),
    params: jsonb().$type<Record<string, unknown>>().notNull(),
    status: taskRequestStatus().notNull().default("pending"),
    response: jsonb(),
    /** How many crunchers may answer (confidence.max_crunchers, else 1) and how many must agree. */
    maxCrunchers: smallint().notNull().default(1),
    minAgreements: smallint().notNull().default(1),
    excludeCrunchers: text().array().notNull().default([]),
    /** Answered plus currently leased slots; the queue hands out a slot only while this is below maxCrunchers. */
    slotsTaken: smallint().notNull().default(0),
    hookUrl: text(),
    /** A gold (control) question: params.gold is its known answer; it never completes and scores every cruncher who answers it. */
    gold: boolean().notNull().default(false),
    /** The Dawid–Skene consensus of the answers so far: {probability, answers} (confidence.strategy "dawid-skene" only). */
    consensus: jsonb().$type<{ probability: number | null; answers: number }>(),
    /** Webhook outbox: "due" is set in the completing transaction; the dispatcher queues it ("queued"). */
    hookState: text({ enum: ["due", "queued"] }),
    idempotencyKey: text(),
    keyId: uuid().references(() => apiKeys.id, { onDelete: "set null" }),
    /** The caller's batch (params.batch, a name of theirs or an upload's id); one row of task_batches per name. */
    batch: text(),
    /** Archived: left out of the default lists, still readable by id. Set once, never cleared. */
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("task_requests_batch_idx").on(t.workspaceId, t.mode, t.batch, t.createdAt.desc(), t.id.desc()).where(sql`batch is not null`),
    index("task_requests_list_idx").on(t.workspaceId, t.mode, t.createdAt.desc(), t.id.desc()),
    index("task_requests_status_list_idx").on(t.workspaceId, t.mode, t.status, t.createdAt.desc(), t.id.desc()),
    index("task_requests_queue_idx").on(t.workspaceId, t.gold, t.createdAt, t.id).where(sql`status = 'pending' and mode = 'live'`),
    uniqueIndex("task_requests_idempotency_key").on(t.workspaceId, t.mode, t.idempotencyKey),
    index("task_requests_hook_due_idx").on(t.completedAt).where(sql`hook_state = 'due'`),
    index("task_requests_test_pending_idx").on(t.createdAt).where(sql`status = 'pending' and mode = 'test'`),
  ],
);

export type TaskRequestRow = typeof taskRequests.$inferSelect;

/**
 * The batches of a workspace's space (live or test): one row per name, written when its first
 * request is stored, so GET /v1/batch pages through batches without grouping every request.
 */
export const taskBatches = pgTable(
  "task_batches",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    mode: apiKeyMode().notNull(),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.mode, t.name] }), index("task_batches_list_idx").on(t.workspaceId, t.mode, t.createdAt.desc(), t.name.desc())],
);

/** One cruncher's slot on a request: leased with a visibility timeout, then answered or skipped. */
export const taskAssignments = pgTable(
  "task_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => taskRequests.id, { onDelete: "cascade" }),
    /** The requesting workspace, so every row carries its tenant. */
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** A cruncher account id, or `sim-N` for the simulated crunchers of test requests. */
    cruncherId: text().notNull(),
    state: taskAssignmentState().notNull().default("leased"),
    leaseUntil: timestamp({ withTimezone: true }),
    answer: jsonb(),
    leasedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp({ withTimezone: true }),
    /** On a gold request: whether the answer agrees with the known one (null elsewhere). */
    goldCorrect: boolean(),
  },
  (t) => [
    uniqueIndex("task_assignments_request_cruncher_key").on(t.requestId, t.cruncherId),
    index("task_assignments_cruncher_idx").on(t.cruncherId, t.answeredAt),
    index("task_assignments_expiry_idx").on(t.leaseUntil).where(sql`state = 'leased'`),
    index("task_assignments_workspace_cruncher_idx").on(t.workspaceId, t.cruncherId, t.answeredAt),
  ],
);

export type TaskAssignmentRow = typeof taskAssignments.$inferSelect;

/** Every webhook delivery attempt, for the request page and "send again". */
export const taskWebhookAttempts = pgTable(
  "task_webhook_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => taskRequests.id, { onDelete: "cascade" }),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    messageId: text().notNull(),
    attempt: integer().notNull(),
    url: text().notNull(),
    statusCode: integer(),
    error: text(),
    durationMs: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("task_webhook_attempts_request_idx").on(t.requestId, t.createdAt)],
);

export type TaskWebhookAttemptRow = typeof taskWebhookAttempts.$inferSelect;

/** Per-workspace Standard Webhooks signing secret (`whsec_…`), shown on the API keys page. */
export const taskWebhookSecrets = pgTable("task_webhook_secrets", {
  workspaceId: uuid()
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  secret: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Files crunchers upload for image / video / audio requests, served back at a stable URL. */
export const taskFiles = pgTable(
  "task_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    requestId: uuid()
      .notNull()
      .references(() => taskRequests.id, { onDelete: "cascade" }),
    cruncherId: text().notNull(),
    filename: text().notNull(),
    contenttype: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // sha256: blob garbage collection asks which blobs are still referenced.
  (t) => [index("task_files_request_idx").on(t.requestId), index("task_files_sha256_idx").on(t.sha256)],
);

export type TaskFileRow = typeof taskFiles.$inferSelect;

/**
 * A workspace's Dawid–Skene model for one kind of question ("multiple-choice", or "rating:min:max:step"
 * per scale): the class priors and every cruncher's confusion matrix fitted over its answer
 * history (lib/tasks/consensus-models.ts), refitted by a periodic job.
 */
export const taskConsensusModels = pgTable(
  "task_consensus_models",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    /** A ConsensusModel (lib/tasks/consensus/adaptive-overlap.ts). */
    model: jsonb().$type<Record<string, unknown>>().notNull(),
    answers: integer().notNull(),
    fittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind] }), index("task_consensus_models_fitted_idx").on(t.fittedAt)],
);
