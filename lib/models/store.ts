import { and, arrayOverlaps, asc, desc, eq, ilike, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deployments, modelAliases, modelFiles, models, type EstimatorInfo, type ModelAliasRow, type ModelFileKind, type ModelFileRow, type ModelRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import type { ModelCreate, ModelUpdate } from "./schemas";

// Every query is scoped by the owning account: another account's model is simply not found. A model
// in the trash (trash.ts) is not found either, by every read and write here.

/** Not in the trash. */
export const liveModel = isNull(models.deletedAt);

export interface ModelWithFiles {
  model: ModelRow;
  files: ModelFileRow[];
}

function metadataValues<T extends ModelCreate | ModelUpdate>(input: T): Omit<T, "drift_detection"> & { driftDetection?: T["drift_detection"] } {
  const { drift_detection, ...rest } = input;
  return { ...rest, ...(drift_detection !== undefined ? { driftDetection: drift_detection } : {}) };
}

export async function createModel(db: Database, workspaceId: string, input: ModelCreate): Promise<ModelRow> {
  const [row] = await db.insert(models).values({ workspaceId, ...metadataValues(input) }).returning();
  return row!;
}

export async function getModel(db: Database, workspaceId: string, modelId: string): Promise<ModelRow | null> {
  if (!isUuid(modelId)) return null;
  const [row] = await db.select().from(models).where(and(eq(models.id, modelId), eq(models.workspaceId, workspaceId), liveModel));
  return row ?? null;
}

export async function updateModel(db: Database, workspaceId: string, modelId: string, input: ModelUpdate): Promise<ModelRow | null> {
  if (!isUuid(modelId)) return null;
  const [row] = await db
    .update(models)
    .set({ ...metadataValues(input), updatedAt: sql`now()` })
    .where(and(eq(models.id, modelId), eq(models.workspaceId, workspaceId), liveModel))
    .returning();
  return row ?? null;
}

/** The blob addresses of the model's files (to collect the unshared ones once the model is deleted). */
export async function modelFileAddresses(db: Database, workspaceId: string, modelId: string): Promise<string[]> {
  if (!isUuid(modelId)) return [];
  const rows = await db
    .selectDistinct({ sha256: modelFiles.sha256 })
    .from(modelFiles)
    .where(and(eq(modelFiles.workspaceId, workspaceId), eq(modelFiles.modelId, modelId)));
  return rows.map((r) => r.sha256);
}

export interface ListOptions {
  skip: number;
  limit: number;
  /** Case-insensitive match on modelkind. */
  kind?: string;
  /** Models having any of these tags. */
  tags?: string[];
  /** Case-insensitive substring of modelname. */
  name?: string;
}

export async function listModels(db: Database, workspaceId: string, options: ListOptions): Promise<ModelWithFiles[]> {
  const conditions = [eq(models.workspaceId, workspaceId), liveModel];
  if (options.kind !== undefined) conditions.push(sql`lower(${models.modelkind}) = lower(${options.kind})`);
  if (options.tags !== undefined) conditions.push(arrayOverlaps(models.modeltags, options.tags));
  if (options.name) conditions.push(ilike(models.modelname, `%${options.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const rows = await db
    .select()
    .from(models)
    .where(and(...conditions))
    .orderBy(desc(models.createdAt), desc(models.id))
    .offset(options.skip)
    .limit(options.limit);
  return withFiles(db, workspaceId, rows);
}

/** The account's distinct model kinds, for the list page's filter. */
export async function listModelKinds(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ kind: models.modelkind }).from(models).where(and(eq(models.workspaceId, workspaceId), liveModel)).orderBy(asc(models.modelkind));
  return rows.map((r) => r.kind);
}

/** Every tag used by the account's models, for the list page's filter. */
export async function listModelTags(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db.execute<{ tag: string }>(
    sql`select distinct unnest(modeltags) as tag from models where workspace_id = ${workspaceId} and deleted_at is null order by tag limit 500`,
  );
  return rows.map((r) => r.tag);
}

async function withFiles(db: Database, workspaceId: string, rows: ModelRow[]): Promise<ModelWithFiles[]> {
  if (!rows.length) return [];
  const files = await db
    .select()
    .from(modelFiles)
    .where(and(eq(modelFiles.workspaceId, workspaceId), inArray(modelFiles.modelId, rows.map((r) => r.id))))
    .orderBy(asc(modelFiles.createdAt));
  return rows.map((model) => ({ model, files: files.filter((f) => f.modelId === model.id) }));
}

export async function getModelWithFiles(db: Database, workspaceId: string, modelId: string): Promise<ModelWithFiles | null> {
  const model = await getModel(db, workspaceId, modelId);
  return model ? (await withFiles(db, workspaceId, [model]))[0]! : null;
}

export interface NewFile {
  filekind: ModelFileKind;
  filename: string;
  contenttype: string;
  size: number;
  sha256: string;
  estimator: EstimatorInfo | null;
  uploadedBy: string | null;
}

/**
 * Records an uploaded file. A model file becomes the model's next version (1, 2, 3…): the model row
 * is locked so concurrent uploads get distinct numbers. Null when the model is not the account's.
 */
export async function addModelFile(db: Database, workspaceId: string, modelId: string, file: NewFile): Promise<ModelFileRow | null> {
  if (!isUuid(modelId)) return null;
  return db.transaction(async (tx) => {
    const [model] = await tx
      .select({ id: models.id })
      .from(models)
      .where(and(eq(models.id, modelId), eq(models.workspaceId, workspaceId), liveModel))
      .for("update");
    if (!model) return null;
    let version: number | null = null;
    if (file.filekind === "model") {
      const [{ max }] = (await tx
        .select({ max: sql<number | null>`max(${modelFiles.version})` })
        .from(modelFiles)
        .where(eq(modelFiles.modelId, modelId))) as [{ max: number | null }];
      version = (max ?? 0) + 1;
    }
    const [row] = await tx
      .insert(modelFiles)
      .values({ workspaceId, modelId, ...file, version })
      .returning();
    await tx.update(models).set({ updatedAt: sql`now()` }).where(eq(models.id, modelId));
    return row!;
  });
}

export async function findModelFile(db: Database, workspaceId: string, modelId: string, by: { sha256: string } | { version: number }): Promise<ModelFileRow | null> {
  if (!isUuid(modelId)) return null;
  const match = "sha256" in by ? eq(modelFiles.sha256, by.sha256) : eq(modelFiles.version, by.version);
  const [row] = await db
    .select()
    .from(modelFiles)
    .where(and(eq(modelFiles.workspaceId, workspaceId), eq(modelFiles.modelId, modelId), match))
    .orderBy(desc(modelFiles.createdAt))
    .limit(1);
  return row ?? null;
}

export interface VersionWithAliases {
  file: ModelFileRow;
  aliases: string[];
}

export async function listVersions(db: Database, workspaceId: string, modelId: string): Promise<VersionWithAliases[]> {
  const [files, aliases] = await Promise.all([
    db
      .select()
      .from(modelFiles)
      .where(and(eq(modelFiles.workspaceId, workspaceId), eq(modelFiles.modelId, modelId), isNotNull(modelFiles.version)))
      .orderBy(asc(modelFiles.version)),
    db.select().from(modelAliases).where(and(eq(modelAliases.workspaceId, workspaceId), eq(modelAliases.modelId, modelId))).orderBy(asc(modelAliases.name)),
  ]);
  return files.map((file) => ({ file, aliases: aliases.filter((a) => a.version === file.version).map((a) => a.name) }));
}

export type AliasResult = { ok: true; alias: ModelAliasRow } | { ok: false; reason: "model_not_found" | "version_not_found" };

/** Points the alias at the version (creating or moving it). Deployments do not move: see moveAlias. */
export async function setAlias(db: Database, workspaceId: string, modelId: string, name: string, version: number): Promise<AliasResult> {
  if (!(await getModel(db, workspaceId, modelId))) return { ok: false, reason: "model_not_found" };
  if (!(await findModelFile(db, workspaceId, modelId, { version }))) return { ok: false, reason: "version_not_found" };
  const [alias] = await db
    .insert(modelAliases)
    .values({ workspaceId, modelId, name, version })
    .onConflictDoUpdate({ target: [modelAliases.modelId, modelAliases.name], set: { version, updatedAt: sql`now()` } })
    .returning();
  // The deployments following this alias roll separately (lib/models/deployments/rollout.ts), after
  // the new version is verified; moveAlias there is what callers use.
  return { ok: true, alias: alias! };
}

export async function resolveAlias(db: Database, workspaceId: string, modelId: string, name: string): Promise<number | null> {
  if (!isUuid(modelId)) return null;
  const [row] = await db
    .select({ version: modelAliases.version })
    .from(modelAliases)
    .where(and(eq(modelAliases.workspaceId, workspaceId), eq(modelAliases.modelId, modelId), eq(modelAliases.name, name)));
  return row?.version ?? null;
}
