import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionDetailApi } from "@/lib/http/families";
import { fileResponse, trashedModelMessage } from "./api";
import { trashModel } from "./trash";
import { modelUploadLimit } from "@/lib/blobs/store";
import { downloadHeaders, loadModelFile } from "./downloads";
import { MULTIPART_SLACK, uploadFromMultipart } from "./uploads";
import { moveAlias } from "./deployments/rollout";
import { aliasBodySchema, aliasNameSchema } from "./schemas";
import { recordAudit } from "@/lib/workspaces/audit";

// The model page's session routes: its upload form and download links, with the checks and
// `{detail}` errors of the models API, for the signed-in member (crunchers get 403).

const NO_STORE = { "cache-control": "private, no-store" };

/** The upload form: multipart file + file_kind, streamed to the blob store as it arrives. */
const upload = defineRoute(
  sessionDetailApi,
  { method: "POST", path: "/api/models/:model_id/upload", bodyLimit: () => modelUploadLimit() + MULTIPART_SLACK, streamBody: true },
  async ({ request, auth }) => {
    const result = await uploadFromMultipart(getDb(), auth.workspaceId, request.params.model_id!, request.headers, request.bodyStream ?? request.body);
    if (!result.ok) throw new ApiError(result.status, result.message, result.details, result.status === 413 ? { connection: "close" } : {});
    return { status: 201, headers: NO_STORE, body: fileResponse(result.file) };
  },
);

/** A download link: one of the member's model files, as an attachment. */
const download = defineRoute(sessionDetailApi, { method: "GET", path: "/api/models/:model_id/files/:sha256" }, async ({ request, auth }) => {
  const found = await loadModelFile(getDb(), auth.workspaceId, request.params.model_id!, { sha256: request.params.sha256! });
  if (!found.ok) throw new ApiError(404, found.reason === "blob_missing" ? "The file's bytes are missing from the blob store." : "No such file.");
  return { status: 200, headers: { ...downloadHeaders(found.file, found.blob), ...NO_STORE }, body: found.blob.stream() };
});

/** The model page's alias editor: points an alias at a version and rolls the deployments that follow it. */
const putAlias = defineRoute(
  sessionDetailApi,
  { method: "PUT", path: "/api/models/:model_id/aliases/:name", body: aliasBodySchema },
  async ({ request, auth, body }) => {
    const modelId = request.params.model_id!;
    const name = aliasNameSchema.safeParse(request.params.name);
    if (!name.success) throw new ApiError(422, "Invalid alias name", [{ path: ["name"], message: name.error.issues[0]!.message, type: "value_error" }]);
    const actor = { id: auth.accountId, label: auth.account.username };
    const moved = await moveAlias(getDb(), auth.workspaceId, modelId, name.data, body.version, { actor });
    if (!moved.ok) throw new ApiError(404, moved.reason === "model_not_found" ? "Model not found" : `Version ${body.version} not found`);
    await recordAudit(getDb(), auth.workspaceId, actor, { action: "model.alias_set", target: modelId, detail: { alias: moved.alias.name, version: moved.alias.version } });
    return { status: 200, headers: NO_STORE, body: { modelid: modelId, name: moved.alias.name, version: moved.alias.version, rolls: moved.rolls } };
  },
);


/** The model page's Delete: to the trash with its deployments, as DELETE /model/{id}. */
const remove = defineRoute(sessionDetailApi, { method: "DELETE", path: "/api/models/:model_id" }, async ({ request, auth }) => {
  const trashed = await trashModel(getDb(), auth.workspaceId, request.params.model_id!, auth.accountId);
  if (!trashed) throw new ApiError(404, "Model not found");
  await recordAudit(getDb(), auth.workspaceId, { id: auth.accountId, label: auth.account.username }, { action: "model.trashed", target: trashed.modelId, detail: { deployments: trashed.deployments } });
  return { status: 200, headers: NO_STORE, body: { message: trashedModelMessage(trashed.deployments.length), modelid: trashed.modelId, deleted: true, deployments: trashed.deployments } };
});

export const modelSessionRoutes: RouteDefinition[] = [upload, download, putAlias, remove];
