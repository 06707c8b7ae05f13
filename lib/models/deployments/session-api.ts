import { Readable } from "node:stream";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionDetailApi } from "@/lib/http/families";
import { deploymentList, deploymentLive, deploymentOperations } from "./dashboard";
import { filteredQuery, operationsFilterOf } from "./operations-filter";
import { MAX_OPERATIONS_EXPORT_ROWS, operationCsvLine, operationJsonLine, operationsCsvHeader } from "./operations-export";
import { predictForDeployment } from "./predict";
import { deploymentResponse } from "./responses";
import { deploymentCreateSchema } from "./schemas";
import { startLoading } from "./serving";
import { createDeployment } from "./service";
import { recordAudit } from "@/lib/workspaces/audit";
import { getDeployment, trashDeployment } from "./store";
import { followAlias, rollBack } from "./rollout";
import { aliasNameSchema } from "../schemas";
import { TRASHED_DEPLOYMENT_MESSAGE } from "./responses";

// The deployment pages' session routes: the same checks, errors ({detail}) and operations as the
// models API, for the signed-in member.

const NO_STORE = { "cache-control": "no-store" };

const list = defineRoute(sessionDetailApi, { method: "GET", path: "/api/deployments" }, async ({ auth }) => ({
  status: 200,
  headers: NO_STORE,
  body: await deploymentList(getDb(), auth.workspaceId),
}));

/** The deploy form: the body and checks of POST /deployment/add. */
const create = defineRoute(sessionDetailApi, { method: "POST", path: "/api/deployments", body: deploymentCreateSchema }, async ({ auth, body }) => ({
  status: 201,
  headers: NO_STORE,
  body: deploymentResponse(await createDeployment(getDb(), auth.workspaceId, body)),
}));

/** The deployment page's live part: status, predictions per minute, the last explained prediction. */
const live = defineRoute(sessionDetailApi, { method: "GET", path: "/api/deployments/:deployment_id" }, async ({ request, auth }) => {
  const deploymentId = request.params.deployment_id!;
  const view = await deploymentLive(getDb(), auth.workspaceId, deploymentId);
  if (!view) throw new ApiError(404, "Deployment not found");
  const { status } = view.deployment;
  if (status === "waiting" || status === "loading") void startLoading(getDb(), auth.workspaceId, deploymentId);
  return { status: 200, headers: NO_STORE, body: view };
});

const remove = defineRoute(sessionDetailApi, { method: "DELETE", path: "/api/deployments/:deployment_id" }, async ({ request, auth }) => {
  const deploymentId = request.params.deployment_id!;
  if (!(await trashDeployment(getDb(), auth.workspaceId, deploymentId, auth.accountId))) throw new ApiError(404, "Deployment not found");
  await recordAudit(getDb(), auth.workspaceId, { id: auth.accountId, label: auth.account.username }, { action: "deployment.trashed", target: deploymentId });
  return { status: 200, headers: NO_STORE, body: { message: TRASHED_DEPLOYMENT_MESSAGE, deployment_id: deploymentId, deleted: true } };
});

/** The playground: the parsing, prediction, explanation and operation record of POST /deployment/{id}/predict. */
const predict = defineRoute(sessionDetailApi, { method: "POST", path: "/api/deployments/:deployment_id/predict" }, async ({ request, auth }) => ({
  status: 200,
  headers: NO_STORE,
  body: await predictForDeployment(getDb(), {
    workspaceId: auth.workspaceId,
    deploymentId: request.params.deployment_id!,
    rawBody: request.body.toString("utf8"),
    signal: () => request.signal,
  }),
}));

const operationsQuery = filteredQuery({
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * The operations log: ?cursor=<nextCursor of the previous page>&limit=, filtered by
 * ?source=predict|external&q=<text in input or output>&from=&to= (see operations-filter.ts).
 */
const operations = defineRoute(
  sessionDetailApi,
  { method: "GET", path: "/api/deployments/:deployment_id/operations", query: operationsQuery },
  async ({ request, auth, query }) => {
    const deployment = await getDeployment(getDb(), auth.workspaceId, request.params.deployment_id!);
    if (!deployment) throw new ApiError(404, "Deployment not found");
    return { status: 200, headers: NO_STORE, body: await deploymentOperations(getDb(), auth.workspaceId, deployment.id, query.cursor, query.limit, operationsFilterOf(query)) };
  },
);

const EXPORT_PAGE = 500;

/**
 * The operations log as filtered, newest first, as CSV or JSON lines: streamed as the client reads
 * it, 500 operations read at a time, up to MAX_OPERATIONS_EXPORT_ROWS (X-Export-Limit).
 */
const exportOperations = defineRoute(
  sessionDetailApi,
  { method: "GET", path: "/api/deployments/:deployment_id/operations/export", query: filteredQuery({ format: z.enum(["csv", "jsonl"]).default("csv") }) },
  async ({ request, auth, query }) => {
    const db = getDb();
    const deployment = await getDeployment(db, auth.workspaceId, request.params.deployment_id!);
    if (!deployment) throw new ApiError(404, "Deployment not found");
    const filter = operationsFilterOf(query);
    const line = query.format === "csv" ? operationCsvLine : operationJsonLine;
    // Bytes, not strings: the Next adapter's web stream takes Uint8Array chunks only.
    async function* lines(): AsyncGenerator<Buffer> {
      if (query.format === "csv") yield Buffer.from(operationsCsvHeader());
      let cursor: number | undefined;
      for (let rows = 0; rows < MAX_OPERATIONS_EXPORT_ROWS; ) {
        const page = await deploymentOperations(db, auth.workspaceId, deployment!.id, cursor, Math.min(EXPORT_PAGE, MAX_OPERATIONS_EXPORT_ROWS - rows), filter);
        if (page.items.length) yield Buffer.from(page.items.map(line).join(""));
        rows += page.items.length;
        if (page.nextCursor === null) return;
        cursor = page.nextCursor;
      }
    }
    const name = `operations-${deployment.deploymentId.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 100)}.${query.format}`;
    return {
      status: 200,
      headers: {
        ...NO_STORE,
        "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "x-export-limit": String(MAX_OPERATIONS_EXPORT_ROWS),
      },
      body: Readable.from(lines()),
    };
  },
);

const sessionActor = (auth: { accountId: string; account: { username: string } }) => ({ id: auth.accountId, label: auth.account.username });

/** "Roll back to vN": the previous version, verified, then pinned. */
const rollback = defineRoute(sessionDetailApi, { method: "POST", path: "/api/deployments/:deployment_id/rollback" }, async ({ request, auth }) => {
  const row = await rollBack(getDb(), auth.workspaceId, request.params.deployment_id!, sessionActor(auth));
  return { status: 200, headers: NO_STORE, body: deploymentResponse(row) };
});

/** "Follow production again" (or another alias): rolls to the alias's version, verified first. */
const follow = defineRoute(
  sessionDetailApi,
  { method: "POST", path: "/api/deployments/:deployment_id/follow", body: z.strictObject({ alias: aliasNameSchema }) },
  async ({ request, auth, body }) => {
    const row = await followAlias(getDb(), auth.workspaceId, request.params.deployment_id!, body.alias, sessionActor(auth));
    return { status: 200, headers: NO_STORE, body: deploymentResponse(row) };
  },
);

export const deploymentSessionRoutes: RouteDefinition[] = [list, create, live, remove, predict, operations, exportOperations, rollback, follow];
