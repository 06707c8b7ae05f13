import { and, arrayOverlaps, asc, desc, eq, ilike, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deployments, modelAliases, modelFiles, models, type EstimatorInfo, type ModelAliasRow, type ModelFileKind, type ModelFileRow, type ModelRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import type { ModelCreate, ModelUpdate } from "./schemas";

// Every query is scoped by the owning account: another account's model is simply not found.

export interface ModelWithFiles {
  model: ModelRow;
  files: ModelFileRow[];
}

function metadataValues<T extends ModelCreate | ModelUpdate>(input: T): Omit<T, "drift_detection"> & { driftDetection?: T["drift_detection"] } {
  const { drift_detection, ...rest } = input;
  return { ...rest, ...(drift_detection !== undefined ? { driftDetection: drift_detection } : {}) };
}

export async function createModel(db: Database, accountId: string, input: ModelCreate): Promise<ModelRow> {
  const [row] = await db.insert(models).values({ accountId, ...metadataValues(input) }).returning();
  return row!;
}

export async function getModel(db: Database, accountId: string, modelId: string): Promise<ModelRow | null> {
  if (!isUuid(modelId)) return null;
  const [row] = await db.select().from(models).where(and(eq(models.id, modelId), eq(models.accountId, accountId)));
  return row ?? null;
}

export async function updateModel(db: Database, accountId: string, modelId: string, input: ModelUpdate): Promise<ModelRow | null> {
  if (!isUuid(modelId)) return null;
  const [row] = await db
    .update(models)
    .set({ ...metadataValues(input), updatedAt: sql`now()` })
    .where(and(eq(models.id, modelId), eq(models.accountId, accountId)))
    .returning();
  return row ?? null;
}

export type DeleteModelResult = "deleted" | "not_found" | "in_use";

/** The blob addresses of the model's files (to collect the unshared ones once the model is deleted). */
export async function modelFileAddresses(db: Database, accountId: string, modelId: string): Promise<string[]> {
  if (!isUuid(modelId)) return [];
  const rows = await db
    .selectDistinct({ sha256: modelFiles.sha256 })
    .from(modelFiles)
    .where(and(eq(modelFiles.accountId, accountId), eq(modelFiles.modelId, modelId)));
  return rows.map((r) => r.sha256);
}

/**
 * Deletes the model with its files' rows and aliases; the blobs stay (they may be shared: see
 * lib/blobs/gc.ts, which removes the ones no row refers to any more). Refused
 * ("in_use") while a deployment serves it: the foreign key is "no action", so a deployment created
 * concurrently also ends here rather than in an error.
 */
export async function deleteModel(db: Database, accountId: string, modelId: string): Promise<DeleteModelResult> {
  if (!isUuid(modelId)) return "not_found";
  const deployed = sql`exists (select 1 from ${deployments} where ${deployments.modelId} = ${models.id})`;
  try {
    const rows = await db
      .delete(models)
      .where(and(eq(models.id, modelId), eq(models.accountId, accountId), sql`not ${deployed}`))
      .returning({ id: models.id });
    if (rows.length > 0) return "deleted";
  } catch (error) {
    if (pgCode(error) !== "23503") throw error;
  }
  return (await getModel(db, accountId, modelId)) ? "in_use" : "not_found";
}

/** The Postgres error code of a failed query (drizzle wraps the driver's error as its cause). */
function pgCode(error: unknown): string | undefined {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
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

export async function listModels(db: Database, accountId: string, options: ListOptions): Promise<ModelWithFiles[]> {
  const conditions = [eq(models.accountId, accountId)];
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
  return withFiles(db, accountId, rows);
}

/** The account's distinct model kinds, for the list page's filter. */
export async function listModelKinds(db: Database, accountId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ kind: models.modelkind }).from(models).where(eq(models.accountId, accountId)).orderBy(asc(models.modelkind));
  return rows.map((r) => r.kind);
}

/** Every tag used by the account's models, for the list page's filter. */
export async function listModelTags(db: Database, accountId: string): Promise<string[]> {
  const rows = await db.execute<{ tag: string }>(
    sql`select distinct unnest(modeltags) as tag from models where account_id = ${accountId} order by tag limit 500`,
  );
  return rows.map((r) => r.tag);
}

async function withFiles(db: Database, accountId: string, rows: ModelRow[]): Promise<ModelWithFiles[]> {
  if (!rows.length) return [];
  const files = await db
    .select()
    .from(modelFiles)
    .where(and(eq(modelFiles.accountId, accountId), inArray(modelFiles.modelId, rows.map((r) => r.id))))
    .orderBy(asc(modelFiles.createdAt));
  return rows.map((model) => ({ model, files: files.filter((f) => f.modelId === model.id) }));
}

export async function getModelWithFiles(db: Database, accountId: string, modelId: string): Promise<ModelWithFiles | null> {
  const model = await getModel(db, accountId, modelId);
  return model ? (await withFiles(db, accountId, [model]))[0]! : null;
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
export async function addModelFile(db: Database, accountId: string, modelId: string, file: NewFile): Promise<ModelFileRow | null> {
  if (!isUuid(modelId)) return null;
  return db.transaction(async (tx) => {
    const [model] = await tx
      .select({ id: models.id })
      .from(models)
      .where(and(eq(models.id, modelId), eq(models.accountId, accountId)))
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
      .values({ accountId, modelId, ...file, version })
      .returning();
    await tx.update(models).set({ updatedAt: sql`now()` }).where(eq(models.id, modelId));
    return row!;
  });
}

export async function findModelFile(db: Database, accountId: string, modelId: string, by: { sha256: string } | { version: number }): Promise<ModelFileRow | null> {
  if (!isUuid(modelId)) return null;
  const match = "sha256" in by ? eq(modelFiles.sha256, by.sha256) : eq(modelFiles.version, by.version);
  const [row] = await db
    .select()
    .from(modelFiles)
    .where(and(eq(modelFiles.accountId, accountId), eq(modelFiles.modelId, modelId), match))
    .orderBy(desc(modelFiles.createdAt))
    .limit(1);
  return row ?? null;
}

export interface VersionWithAliases {
  file: ModelFileRow;
  aliases: string[];
}

export async function listVersions(db: Database, accountId: string, modelId: string): Promise<VersionWithAliases[]> {
  const [files, aliases] = await Promise.all([
    db
      .select()
      .from(modelFiles)
      .where(and(eq(modelFiles.accountId, accountId), eq(modelFiles.modelId, modelId), isNotNull(modelFiles.version)))
      .orderBy(asc(modelFiles.version)),
    db.select().from(modelAliases).where(and(eq(modelAliases.accountId, accountId), eq(modelAliases.modelId, modelId))).orderBy(asc(modelAliases.name)),
  ]);
  return files.map((file) => ({ file, aliases: aliases.filter((a) => a.version === file.version).map((a) => a.name) }));
}

export type AliasResult = { ok: true; alias: ModelAliasRow } | { ok: false; reason: "model_not_found" | "version_not_found" };

/** Points the alias at the version (creating or moving it). */
export async function setAlias(db: Database, accountId: string, modelId: string, name: string, version: number): Promise<AliasResult> {
  if (!(await getModel(db, accountId, modelId))) return { ok: false, reason: "model_not_found" };
  if (!(await findModelFile(db, accountId, modelId, { version }))) return { ok: false, reason: "version_not_found" };
  const [alias] = await db
    .insert(modelAliases)
    .values({ accountId, modelId, name, version })
    .onConflictDoUpdate({ target: [modelAliases.modelId, modelAliases.name], set: { version, updatedAt: sql`now()` } })
    .returning();
  // Deployments made with this alias follow it: their next prediction loads the new version.
  await db
    .update(deployments)
    .set({ version, status: "waiting", reason: null, updatedAt: sql`now()` })
    .where(and(eq(deployments.accountId, accountId), eq(deployments.modelId, modelId), eq(deployments.versionRef, name), sql`${deployments.version} is distinct from ${version}`));
  return { ok: true, alias: alias! };
}

export async function resolveAlias(db: Database, accountId: string, modelId: string, name: string): Promise<number | null> {
  if (!isUuid(modelId)) return null;
  const [row] = await db
    .select({ version: modelAliases.version })
    .from(modelAliases)
    .where(and(eq(modelAliases.accountId, accountId), eq(modelAliases.modelId, modelId), eq(modelAliases.name, name)));
  return row?.version ?? null;
}
