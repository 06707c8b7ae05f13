import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { accounts } from "./auth";
import { workspaces } from "./workspaces";

/**
 * A registered model: the metadata of the models document (MLModelCreate). The list fields are kept
 * as jsonb exactly as they were validated; modelkind is free text ("Regressor", "regression").
 */
export const models = pgTable(
  "models",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    modelname: text().notNull(),
    modelkind: text().notNull(),
    hyperparameter: jsonb().$type<unknown[]>().notNull().default([]),
    modelperformance: jsonb().$type<unknown[]>().notNull().default([]),
    trainingresource: jsonb().$type<unknown[]>().notNull().default([]),
    runresource: jsonb().$type<unknown[]>().notNull().default([]),
    featurelist: jsonb().$type<unknown[]>().notNull().default([]),
    inference: jsonb().$type<unknown[]>().notNull().default([]),
    modeltags: text().array().notNull().default([]),
    driftDetection: jsonb().$type<unknown[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** In the trash (DELETE /model/{id}): hidden from the API until restored, purged 30 days later. */
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid().references(() => accounts.id, { onDelete: "set null" }),
  },
  (t) => [index("models_workspace_created_idx").on(t.workspaceId, t.createdAt), index("models_deleted_idx").on(t.deletedAt).where(sql`${t.deletedAt} is not null`)],
);

export type ModelRow = typeof models.$inferSelect;

/** What the safe pickle reader found in an uploaded model file. */
export interface EstimatorInfo {
  class: string | null;
  sklearn_version: string | null;
  format: string;
  protocol: number;
  n_features: number | null;
  classes: (string | number | boolean)[] | null;
  feature_names: string[] | null;
  servable: boolean;
  reason: string | null;
}

export const modelFileKinds = ["model", "data", "code", "env"] as const;
export type ModelFileKind = (typeof modelFileKinds)[number];

/** An uploaded file; its bytes live in the blob store under sha256. Model files are versions 1, 2, 3… */
export const modelFiles = pgTable(
  "model_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    filekind: text({ enum: modelFileKinds }).notNull(),
    filename: text().notNull(),
    contenttype: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    /** 1, 2, 3… per model for model files; null for data, code and env files. */
    version: integer(),
    estimator: jsonb().$type<EstimatorInfo>(),
    uploadedBy: uuid().references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("model_files_model_idx").on(t.modelId, t.createdAt),
    // Blob garbage collection asks which blobs are still referenced.
    index("model_files_sha256_idx").on(t.sha256),
    uniqueIndex("model_files_model_version_key").on(t.modelId, t.version),
  ],
);

export type ModelFileRow = typeof modelFiles.$inferSelect;

/** A named pointer (e.g. `production`) at one model version. */
export const modelAliases = pgTable(
  "model_aliases",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    name: text().notNull(),
    version: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("model_aliases_model_name_key").on(t.modelId, t.name)],
);

export type ModelAliasRow = typeof modelAliases.$inferSelect;
