import { z } from "zod";
import { getDb } from "@/db/client";
import type { LoopsPrincipal } from "@/lib/auth/authenticate-api";
import { API_BODY_LIMIT } from "@/lib/http/dispatch";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { loopsApi } from "@/lib/http/families";
import { publicBaseUrl } from "@/lib/http/public-url";
import type { ApiRequest } from "@/lib/http/types";
import { parseDefinition } from "./definition";
import { predictRows, trainRows } from "./engine";
import { DEFAULT_TOP_K } from "./learner";
import { count, MAX_ANSWER_ENTRIES, MAX_BODY_BYTES, MAX_DEFINITION_BYTES } from "./limits";
import { metricsReport } from "./metrics-report";
import { monitorSummary } from "./monitor";
import { EventLoopPacer, giveBackEventLoop, LARGE_BODY_BYTES } from "./pacer";
import { recordPredictionsLater } from "./prediction-log";
import { definitionSchema, predictBodySchema, topKSchema, trainBodySchema } from "./schemas";
import { defineLoop, loadLoop, modelDocument, trainLoop, type LoopSummary } from "./store";
import type { Prediction } from "./types";
import { apiTimestamp } from "@/lib/http/timestamps";
import { LOG_GROUP_BYTES } from "./loop-log";
import { modelDownload } from "./model-download";

/**
 * A /train/ or /predict/ body against its envelope schema (schemas.ts). As the loops document has it,
 * a bad envelope is answered with its first problem as the message and no list: 400, or 422 past a
 * limit (too many rows, a bad top_k).
 */
function envelopeOf<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const pastLimit = issue.path[0] === "top_k" || (issue.code === "custom" && issue.params?.status === 422);
  failed(pastLimit ? 422 : 400, issue.message);
}

/** top_k from the body, else from the query; 10 when neither gives one. */
function topKOf(fromBody: number | null | undefined, request: ApiRequest): number {
  const topK = fromBody ?? envelopeOf(topKSchema, request.query.get("top_k"));
  return topK ?? DEFAULT_TOP_K;
}

/** /train/ and /predict/ bodies: rows within the limits fit; the JSON is parsed in one piece, so no more. */
const dataBodyLimit = () => Math.min(API_BODY_LIMIT, MAX_BODY_BYTES);

function failed(status: number, message: string, errors: string[] = []): never {
  throw new ApiError(status, message, errors.map((e) => ({ path: [], message: e, type: "invalid" })));
}

function requireLoopId(auth: LoopsPrincipal): string {
  if (!auth.loopId) failed(401, "Missing x-loop-id header: send the Loop ID from the loop's page.");
  return auth.loopId;
}

function loopFailure(reason: "not_found" | "not_defined" | "busy"): never {
  if (reason === "busy") throw new ApiError(503, "Too many training examples are waiting for this loop: retry shortly.", [], { "retry-after": "1" });
  if (reason === "not_found") failed(401, "Invalid Loop ID: no loop with this id belongs to your account.");
  failed(409, "This loop has no definition yet: POST /definitions/ with its x-loop-id first.");
}

function definitionResponse(request: ApiRequest, loop: LoopSummary) {
  return {
    definition_id: loop.id,
    loop_id: loop.id,
    name: loop.name,
    task_type: loop.taskType,
    input_schema: loop.inputSchema,
    output_schema: loop.outputSchema,
    settings: loop.settings,
    model_url: `${publicBaseUrl(request.headers)}/definitions/${loop.id}/model`,
    created_at: apiTimestamp(loop.definedAt ?? loop.createdAt),
  };
}

const definitionBodyLimit = () => Math.min(API_BODY_LIMIT, MAX_DEFINITION_BYTES);

const createDefinition = defineRoute(loopsApi, { method: "POST", path: "/definitions", body: z.unknown(), documentedBody: definitionSchema, bodyLimit: definitionBodyLimit }, async ({ request, auth, body }) => {
  const parsed = parseDefinition(body);
  if (!parsed.ok) throw new ApiError(parsed.status, "The loop definition is invalid.", parsed.details);
  const result = await defineLoop(getDb(), auth.workspaceId, auth.loopId, parsed.definition);
  if (!result.ok) {
    if (result.reason === "not_found") loopFailure("not_found");
    failed(409, "This loop is already defined; create a new loop (POST /definitions/ without x-loop-id) to change its schema.");
  }
  return { status: 200, body: definitionResponse(request, result.loop) };
});

/** A body whose parsing (in one piece, before the handler) took a while: others get their turn first. */
const largeBody = (request: ApiRequest) => request.body.length >= LARGE_BODY_BYTES;

/** Answers from this many predictions on are serialised in a slice of their own. */
const LARGE_ANSWER_ROWS = 200;

const train = defineRoute(loopsApi, { method: "POST", path: "/train", body: z.unknown(), documentedBody: trainBodySchema, bodyLimit: dataBodyLimit }, async ({ request, auth, body: raw }) => {
  const body = envelopeOf(trainBodySchema, raw);
  if (largeBody(request)) await giveBackEventLoop();
  const at = new Date().toISOString();
  const size = { rows: Array.isArray(body.data) ? body.data.length : 1, bytes: request.body.length };
  // Learned from the body as sent, so it can be logged and learned again exactly so (loop-log.ts). A
  // body too large to be logged is not decoded a second time: its group stores the states.
  const logged = request.body.length <= LOG_GROUP_BYTES ? { text: request.body.toString("utf8"), at } : undefined;
  const result = await trainLoop(getDb(), auth.workspaceId, requireLoopId(auth), (spec, model, pacer) => trainRows(spec, model, body.data, at, pacer), size, logged);
  if (!result.ok) loopFailure(result.reason);
  const { trained, failed: failedRows, errors } = result.result;
  if (!trained) failed(422, `No sample could be trained: ${failedRows} failed validation.`, errors);
  return {
    status: 200,
    body: {
      status: "success",
      message: `Successfully trained ${trained} sample(s)` + (failedRows ? `; ${failedRows} failed` : ""),
      trained_samples: trained,
      failed_samples: failedRows,
      errors,
      n_seen: result.nSeen,
      model_version: result.version,
    },
  };
});

/**
 * One entry of the /predict/ answer. Built field by field, in the answer's key order, rather than with
 * spreads: the answer is serialised on every request, and a plain object serialises faster.
 */
function predictionEntry(outputName: string, prediction: Prediction, index: number, version: number, nSeen: number): Record<string, unknown> {
  const e = prediction.explanation;
  const entry: Record<string, unknown> = {
    [outputName]: prediction.value,
    explanation: { top_contributors: e.top_contributors, baseline: e.baseline, margin: e.margin, units: e.units, other: e.other, status: e.status, n_seen: e.n_seen, model_version: version },
  };
  if (prediction.probabilities) entry.probabilities = prediction.probabilities;
  entry.index = index;
  entry.model_version = version;
  entry.n_seen = nSeen;
  return entry;
}

const predict = defineRoute(loopsApi, { method: "POST", path: "/predict", body: z.unknown(), documentedBody: predictBodySchema, bodyLimit: dataBodyLimit }, async ({ request, auth, body: raw }) => {
  const body = envelopeOf(predictBodySchema, raw);
  const topK = topKOf(body.top_k, request);
  if (largeBody(request)) await giveBackEventLoop();
  const pacer = new EventLoopPacer();
  // getDb is passed, not called: on a cache hit (the usual case) /predict/ touches no database state.
  const loaded = await loadLoop(getDb, auth.workspaceId, requireLoopId(auth));
  if (!loaded.ok) loopFailure(loaded.reason);
  const { spec, model, version, nSeen } = loaded.loop;
  if (pacer.dueNow()) await pacer.pause(); // after a model loaded from the database
  const { predictions, failed: failedRows, errors, tooLarge } = await predictRows(spec, model, body.data, topK, pacer);
  if (tooLarge) {
    failed(
      422,
      `The answer passed the limit of ${count(MAX_ANSWER_ENTRIES)} values (class probabilities and listed contributors, over all rows) ` +
        `at data[${tooLarge.row}], of ${count(tooLarge.rows)} rows: send fewer rows or a smaller top_k.`,
    );
  }
  if (!predictions.length) failed(422, `No sample could be predicted: ${failedRows} failed validation.`, errors);
  recordPredictionsLater(getDb, auth.workspaceId, loaded.loop.id, version, () => {
    const inputs = Array.isArray(body.data) ? body.data : [body.data];
    return predictions.map((p) => ({ input: inputs[p.index] as Record<string, unknown>, prediction: p.prediction }));
  });
  if (predictions.length >= LARGE_ANSWER_ROWS || pacer.dueNow()) await pacer.pause(); // the answer is serialised next, in one piece
  return {
    status: 200,
    body: {
      status: "success",
      message: `Successfully predicted ${predictions.length} sample(s)` + (failedRows ? `; ${failedRows} failed` : ""),
      predictions: predictions.map(({ index, prediction }) => predictionEntry(spec.output.name, prediction, index, version, nSeen)),
      failed_samples: failedRows,
      errors,
    },
  };
});

/** The loop of a /definitions/:loop_id/… path, which a key bound to another loop may not read. */
function pathLoopId(request: ApiRequest, auth: LoopsPrincipal): string {
  const loopId = request.params.loop_id!;
  if (auth.boundLoopId && auth.boundLoopId !== loopId) failed(401, "This API key is bound to another loop.");
  return loopId;
}

const downloadModel = defineRoute(loopsApi, { method: "GET", path: "/definitions/:loop_id/model", summary: "The loop's model as JSON (learner and monitor states)" }, async ({ request, auth }) => {
  const loopId = pathLoopId(request, auth);
  const document = await modelDocument(getDb(), auth.workspaceId, loopId);
  if (!document) loopFailure("not_found");
  const { row, model } = document;
  if (!model) loopFailure("not_defined");
  const { filename, body } = modelDownload(row, model);
  return { status: 200, headers: { "content-disposition": `attachment; filename="${filename}"` }, body };
});

/** Every metric the loop computes (metrics-report.ts), read from the cached model like /predict/. */
const metrics = defineRoute(loopsApi, { method: "GET", path: "/definitions/:loop_id/metrics", summary: "Every metric of the loop, cumulative and over its rolling windows, with baselines" }, async ({ request, auth }) => {
  const loaded = await loadLoop(getDb, auth.workspaceId, pathLoopId(request, auth));
  if (!loaded.ok) loopFailure(loaded.reason);
  const { id, nSeen, version, model } = loaded.loop;
  return {
    status: 200,
    headers: { "cache-control": "no-store" },
    body: { status: "success", loop_id: id, n_seen: nSeen, model_version: version, ...metricsReport(monitorSummary(model.monitor)) },
  };
});

export const loopRoutes: RouteDefinition[] = [createDefinition, train, predict, downloadModel, metrics];
