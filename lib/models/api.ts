import { getDb } from "@/db/client";
import type { ModelFileRow, ModelRow } from "@/db/schema";
import { z } from "zod";
import { ApiError, zodDetails } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { modelsApi } from "@/lib/http/families";
import { modelUploadLimit } from "@/lib/blobs/store";
import { downloadHeaders, loadModelFile } from "./downloads";
import { ignoredFieldsHeader, normaliseModelBody } from "./pydantic-body";
import { aliasBodySchema, aliasNameSchema, listQuerySchema, modelCreateSchema, modelUpdateSchema, searchQuerySchema } from "./schemas";
import {
  createModel,
  getModel,
  getModelWithFiles,
  listModels,
  listVersions,
  resolveAlias,
  updateModel,
  type ModelWithFiles,
} from "./store";
import { MULTIPART_SLACK, uploadFromMultipart } from "./uploads";
import { moveAlias } from "./deployments/rollout";
import { keyActor, recordAudit } from "@/lib/workspaces/audit";
import { TRASH_DAYS, trashModel } from "./trash";
import { apiTimestamp } from "@/lib/http/timestamps";

// The registry half of the models API (the MLConnector API of mlsysops-eu/mlsysops-framework): FastAPI-style errors,
// X-api-key or Bearer `models` keys, every row scoped to the key's account (another account's model
// is a 404 on every route).

function notFound(): never {
  throw new ApiError(404, "Model not found");
}

export function fileResponse(file: ModelFileRow) {
  return {
    modelid: file.modelId,
    filekind: file.filekind,
    filename: file.filename,
    contenttype: file.contenttype,
    size: file.size,
    sha256: file.sha256,
    version: file.version,
    estimator: file.estimator,
    uploaded_by: file.uploadedBy,
    created_at: apiTimestamp(file.createdAt),
    download_url: `/model/${file.modelId}/files/${file.sha256}`,
  };
}

export function modelResponse(model: ModelRow, files: ModelFileRow[] = []) {
  return {
    modelid: model.id,
    modelname: model.modelname,
    modelkind: model.modelkind,
    hyperparameter: model.hyperparameter,
    modelperformance: model.modelperformance,
    trainingresource: model.trainingresource,
    runresource: model.runresource,
    featurelist: model.featurelist,
    inference: model.inference,
    modeltags: model.modeltags,
    drift_detection: model.driftDetection,
    files: files.map(fileResponse),
    created_at: apiTimestamp(model.createdAt),
    updated_at: apiTimestamp(model.updatedAt),
  };
}

/** What DELETE /model/{id} says (upstream answers a message). */
export const trashedModelMessage = (deployments: number) =>
  `Model moved to the trash${deployments ? ` with its ${deployments} deployment${deployments === 1 ? "" : "s"}, which stopped serving` : ""}; restore it from the Trash page within ${TRASH_DAYS} days, after which it is deleted for good.`;

const listResponse = (rows: ModelWithFiles[]) => rows.map(({ model, files }) => modelResponse(model, files));

/** A body as pydantic clients send it, normalised (pydantic-body.ts), then checked against the schema. */
function pydanticBody<T>(schema: z.ZodType<T>, raw: unknown): { body: T; headers: Record<string, string> } {
  const { body, ignored } = normaliseModelBody(raw);
  const parsed = schema.safeParse(body);
  const headers = ignoredFieldsHeader(ignored);
  if (!parsed.success) throw new ApiError(422, "The request body is invalid.", zodDetails(parsed.error), headers);
  return { body: parsed.data, headers };
}

const addModel = defineRoute(modelsApi, { method: "POST", path: "/model/add", summary: "Register a model's metadata (MLModelCreate); files are uploaded next", body: z.unknown(), documentedBody: modelCreateSchema }, async ({ auth, body: raw }) => {
  const { body, headers } = pydanticBody(modelCreateSchema, raw);
  const model = await createModel(getDb(), auth.workspaceId, body);
  return { status: 201, headers, body: modelResponse(model) };
});

const allModels = defineRoute(modelsApi, { method: "GET", path: "/model/all", summary: "The account's models, newest first", query: listQuerySchema }, async ({ auth, query }) => ({
  status: 200,
  body: listResponse(await listModels(getDb(), auth.workspaceId, query)),
}));

const modelsOfKind = defineRoute(modelsApi, { method: "GET", path: "/model/getkind/:modelkind", summary: "Models of one kind (case-insensitive)", query: listQuerySchema }, async ({ request, auth, query }) => ({
  status: 200,
  body: listResponse(await listModels(getDb(), auth.workspaceId, { ...query, kind: request.params.modelkind! })),
}));

const searchModels = defineRoute(modelsApi, { method: "GET", path: "/model/search", summary: "Models having any of the tags", query: searchQuerySchema }, async ({ auth, query }) => ({
  status: 200,
  // No tags: every model, as a search without a filter.
  body: listResponse(await listModels(getDb(), auth.workspaceId, { skip: query.skip, limit: query.limit, ...(query.tags.length ? { tags: query.tags } : {}) })),
}));

const getOne = defineRoute(modelsApi, { method: "GET", path: "/model/:model_id", summary: "One model with its files" }, async ({ request, auth }) => {
  const found = await getModelWithFiles(getDb(), auth.workspaceId, request.params.model_id!);
  if (!found) notFound();
  return { status: 200, body: modelResponse(found.model, found.files) };
});

const patchModel = defineRoute(modelsApi, { method: "PATCH", path: "/model/:model_id", summary: "Change a model's metadata: what is sent replaces what was stored", body: z.unknown(), documentedBody: modelUpdateSchema }, async ({ request, auth, body: raw }) => {
  const { body, headers } = pydanticBody(modelUpdateSchema, raw);
  const db = getDb();
  const updated = await updateModel(db, auth.workspaceId, request.params.model_id!, body);
  if (!updated) notFound();
  const found = await getModelWithFiles(db, auth.workspaceId, updated.id);
  return { status: 200, headers, body: modelResponse(found!.model, found!.files) };
});

const removeModel = defineRoute(modelsApi, { method: "DELETE", path: "/model/:model_id", summary: `Move a model and its deployments to the trash (restorable for ${TRASH_DAYS} days)` }, async ({ request, auth }) => {
  const db = getDb();
  const trashed = await trashModel(db, auth.workspaceId, request.params.model_id!, auth.actorId);
  if (!trashed) notFound();
  await recordAudit(db, auth.workspaceId, keyActor(auth), { action: "model.trashed", target: trashed.modelId, detail: { deployments: trashed.deployments } });
  return { status: 200, body: { message: trashedModelMessage(trashed.deployments.length), modelid: trashed.modelId, deleted: true, deployments: trashed.deployments } };
});

const upload = defineRoute(
  modelsApi,
  // Streamed: the file goes to disk as it arrives instead of the whole body into memory first.
  { method: "POST", path: "/model/:model_id/upload", summary: "Upload a model, data, code or requirements file (multipart: file, file_kind)", bodyLimit: () => modelUploadLimit() + MULTIPART_SLACK, streamBody: true },
  async ({ request, auth }) => {
    const result = await uploadFromMultipart(getDb(), auth.workspaceId, request.params.model_id!, request.headers, request.bodyStream ?? request.body);
    if (!result.ok) throw new ApiError(result.status, result.message, result.details, result.status === 413 ? { connection: "close" } : {});
    return { status: 201, body: fileResponse(result.file) };
  },
);

/** Sends one of the model's files, or a 404 naming what is missing. */
async function download(workspaceId: string, modelId: string, by: { sha256: string } | { version: number }, notFoundMessage: string) {
  const found = await loadModelFile(getDb(), workspaceId, modelId, by);
  if (!found.ok) throw new ApiError(404, found.reason === "blob_missing" ? "The file's bytes are missing from the blob store" : notFoundMessage);
  return { status: 200, headers: downloadHeaders(found.file, found.blob), body: found.blob.stream() };
}

const downloadBySha = defineRoute(modelsApi, { method: "GET", path: "/model/:model_id/files/:sha256", summary: "Download one stored file" }, async ({ request, auth }) => {
  const db = getDb();
  const modelId = request.params.model_id!;
  if (!(await getModel(db, auth.workspaceId, modelId))) notFound();
  return download(auth.workspaceId, modelId, { sha256: request.params.sha256! }, "File not found");
});

/** A version number, or an alias name pointing at one. */
async function versionOf(workspaceId: string, modelId: string, ref: string): Promise<number> {
  if (/^\d+$/.test(ref)) return Number(ref);
  const version = await resolveAlias(getDb(), workspaceId, modelId, ref);
  if (version === null) throw new ApiError(404, `No version or alias '${ref.slice(0, 60)}' for this model`);
  return version;
}

const downloadVersion = defineRoute(modelsApi, { method: "GET", path: "/model/:model_id/versions/:version/download", summary: "Download a version's model file" }, async ({ request, auth }) => {
  const modelId = request.params.model_id!;
  if (!(await getModel(getDb(), auth.workspaceId, modelId))) notFound();
  const version = await versionOf(auth.workspaceId, modelId, request.params.version!);
  return download(auth.workspaceId, modelId, { version }, `Version ${version} not found`);
});

const versions = defineRoute(modelsApi, { method: "GET", path: "/model/:model_id/versions", summary: "The model's versions and aliases" }, async ({ request, auth }) => {
  const modelId = request.params.model_id!;
  if (!(await getModel(getDb(), auth.workspaceId, modelId))) notFound();
  const rows = await listVersions(getDb(), auth.workspaceId, modelId);
  return { status: 200, body: rows.map(({ file, aliases }) => ({ ...fileResponse(file), aliases })) };
});

const putAlias = defineRoute(modelsApi, { method: "PUT", path: "/model/:model_id/aliases/:name", body: aliasBodySchema }, async ({ request, auth, body }) => {
  const modelId = request.params.model_id!;
  if (!(await getModel(getDb(), auth.workspaceId, modelId))) notFound();
  const name = aliasNameSchema.safeParse(request.params.name);
  if (!name.success) throw new ApiError(422, "Invalid alias name", [{ path: ["name"], message: name.error.issues[0]!.message, type: "value_error" }]);
  const result = await moveAlias(getDb(), auth.workspaceId, modelId, name.data, body.version, { actor: keyActor(auth) });
  if (!result.ok) {
    if (result.reason === "model_not_found") notFound();
    throw new ApiError(404, `Version ${body.version} not found`);
  }
  await recordAudit(getDb(), auth.workspaceId, keyActor(auth), { action: "model.alias_set", target: modelId, detail: { alias: result.alias.name, version: result.alias.version } });
  return { status: 200, body: { modelid: modelId, name: result.alias.name, version: result.alias.version } };
});

export const modelRoutes: RouteDefinition[] = [
  addModel,
  allModels,
  searchModels,
  modelsOfKind,
  upload,
  downloadBySha,
  downloadVersion,
  versions,
  putAlias,
  getOne,
  patchModel,
  removeModel,
];

