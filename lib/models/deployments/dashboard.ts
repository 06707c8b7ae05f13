import type { Database } from "@/db/client";
import type { DeploymentEventRow, DeploymentRow } from "@/db/schema";
import { apiTimestamp } from "@/lib/http/timestamps";
import { listDeploymentEvents } from "./rollout-store";
import { followedAlias } from "./serving-line";
import type { InputRow, Label } from "../sklearn";
import { listModels } from "../store";
import { displayNames, featureSpec } from "./features";
import { lastExplainedOperation, listFilteredOperations, listOperations, operationsPerMinute } from "./operations-store";
import { isFiltered, type OperationsFilter } from "./operations-filter";
import type { ExplanationBody } from "./predict";
import { deploymentResponse, operationsResponse, type DeploymentResponse, type OperationResponse } from "./responses";
import { aliasesOf, getServingPlan, listDeployments, modelNames } from "./store";

// What the deployment pages show, read in one place and JSON-friendly (the client components poll it).

export interface DeploymentListItem extends DeploymentResponse {
  modelname: string;
}

export async function deploymentList(db: Database, workspaceId: string): Promise<DeploymentListItem[]> {
  const rows = await listDeployments(db, workspaceId, { skip: 0, limit: 500 });
  const names = await modelNames(db, workspaceId, rows.map((r) => r.modelId));
  return rows.map((row) => ({ ...deploymentResponse(row), modelname: names.get(row.modelId) ?? "(deleted model)" }));
}

export interface PlaygroundFeature {
  name: string;
  type: "cont" | "cat" | null;
}

/** The playground's last result: the first row of the latest explained call. */
export interface LastPrediction {
  input: InputRow;
  prediction: Label | null;
  explanation: ExplanationBody;
  at: string;
}

export const PER_MINUTE_WINDOW = 60;

/** What a deployment serves and follows, and how it got there: its page's version card. */
export interface RolloutView {
  version: number | null;
  /** The alias it follows (it rolls when the alias moves), or null when pinned. */
  follows: string | null;
  /** The version it is pinned to ("latest at deploy time" for deployments made before following production). */
  pinnedAtDeploy: boolean;
  previousVersion: number | null;
  rolledAt: string | null;
  /** Why the last roll was refused, and to which version; null once a roll succeeds. */
  rollFailure: string | null;
  rollFailedVersion: number | null;
  events: { id: number; kind: DeploymentEventRow["kind"]; from: number | null; to: number | null; alias: string | null; reason: string | null; actor: string; at: string }[];
}

export function rolloutView(row: DeploymentRow, events: DeploymentEventRow[]): RolloutView {
  return {
    version: row.version,
    follows: followedAlias(row.versionRef),
    pinnedAtDeploy: row.versionRef === null,
    previousVersion: row.previousVersion,
    rolledAt: row.rolledAt ? apiTimestamp(row.rolledAt) : null,
    rollFailure: row.rollFailure,
    rollFailedVersion: row.rollFailedVersion,
    events: events.map((e) => ({ id: e.id, kind: e.kind, from: e.fromVersion, to: e.toVersion, alias: e.alias, reason: e.reason, actor: e.actorLabel, at: apiTimestamp(e.createdAt) })),
  };
}

export interface DeploymentLive {
  deployment: DeploymentResponse;
  rollout: RolloutView;
  /** One point per minute over the last hour, zeros included. */
  perMinute: { minute: string; count: number }[];
  last: LastPrediction | null;
}

export interface DeploymentDetail {
  live: DeploymentLive;
  modelname: string;
  estimatorClass: string | null;
  sklearnVersion: string | null;
  classes: (string | number | boolean)[] | null;
  features: PlaygroundFeature[];
  /** A row to start the playground with: the last call's first row, when there is one. */
  exampleRow: InputRow | null;
}

function zeroFilled(counts: { minute: Date; count: number }[], now = new Date()): DeploymentLive["perMinute"] {
  const byMinute = new Map(counts.map((c) => [c.minute.getTime(), c.count]));
  const end = Math.floor(now.getTime() / 60_000) * 60_000;
  return Array.from({ length: PER_MINUTE_WINDOW }, (_, i) => {
    const t = end - (PER_MINUTE_WINDOW - 1 - i) * 60_000;
    return { minute: new Date(t).toISOString(), count: byMinute.get(t) ?? 0 };
  });
}

function lastPrediction(op: Awaited<ReturnType<typeof lastExplainedOperation>>): LastPrediction | null {
  if (!op) return null;
  const input = (op.input as { data?: InputRow[] } | null)?.data?.[0];
  const prediction = (op.output as { prediction?: Label[] } | null)?.prediction?.[0] ?? null;
  if (!input) return null;
  return { input, prediction, explanation: op.explanation as ExplanationBody, at: op.createdAt.toISOString() };
}

export async function deploymentLive(db: Database, workspaceId: string, deploymentId: string): Promise<DeploymentLive | null> {
  return (await deploymentDetail(db, workspaceId, deploymentId))?.live ?? null;
}

export async function deploymentDetail(db: Database, workspaceId: string, deploymentId: string): Promise<DeploymentDetail | null> {
  const plan = await getServingPlan(db, workspaceId, deploymentId);
  if (!plan) return null;
  const { deployment } = plan;
  const [counts, lastOp, names, events] = await Promise.all([
    operationsPerMinute(db, workspaceId, deployment.id, PER_MINUTE_WINDOW),
    lastExplainedOperation(db, workspaceId, deployment.id),
    modelNames(db, workspaceId, [deployment.modelId]),
    listDeploymentEvents(db, workspaceId, deployment.id, 10),
  ]);
  const estimator = plan.modelFile?.estimator ?? null;
  const spec = featureSpec(plan.featurelist, { nFeatures: estimator?.n_features ?? null, featureNames: estimator?.feature_names ?? null });
  const last = lastPrediction(lastOp);
  return {
    live: { deployment: deploymentResponse(deployment), rollout: rolloutView(deployment, events), perMinute: zeroFilled(counts), last },
    modelname: names.get(deployment.modelId) ?? "(deleted model)",
    estimatorClass: estimator?.class ?? null,
    sklearnVersion: estimator?.sklearn_version ?? null,
    classes: estimator?.classes ?? null,
    features: displayNames(spec).map((name, j) => ({ name, type: spec.types[j] ?? null })),
    exampleRow: last?.input ?? null,
  };
}

export interface OperationsPageResult {
  items: OperationResponse[];
  /** Pass as ?cursor= for the next (older) page; null at the end. */
  nextCursor: number | null;
}

/**
 * The deployment page's log, newest first, by keyset on the operation id. Filtered, a page may hold
 * fewer than `limit` operations (even none) and still have a next cursor: each read looks at a bounded
 * window of the log (listFilteredOperations).
 */
export async function deploymentOperations(
  db: Database,
  workspaceId: string,
  deploymentRowId: string,
  cursor: number | undefined,
  limit: number,
  filter: OperationsFilter = {},
): Promise<OperationsPageResult> {
  if (!isFiltered(filter)) {
    const rows = await listOperations(db, workspaceId, { deploymentRowId }, { skip: 0, limit: limit + 1, cursor });
    const items = operationsResponse(rows.slice(0, limit));
    return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  }
  const { rows, scannedTo } = await listFilteredOperations(db, workspaceId, deploymentRowId, filter, { cursor, limit: limit + 1 });
  const items = operationsResponse(rows.slice(0, limit));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : scannedTo };
}

export interface DeployOption {
  modelid: string;
  modelname: string;
  versions: { version: number; estimator: string | null; servable: boolean }[];
  aliases: { name: string; version: number }[];
}

/** The deploy form's choices: the account's models with their versions and aliases. */
export async function deployOptions(db: Database, workspaceId: string): Promise<DeployOption[]> {
  const models = await listModels(db, workspaceId, { skip: 0, limit: 500 });
  const aliases = await aliasesOf(db, workspaceId, models.map((m) => m.model.id));
  return models.map(({ model, files }) => ({
    modelid: model.id,
    modelname: model.modelname,
    versions: files
      .filter((f) => f.filekind === "model" && f.version !== null)
      .map((f) => ({ version: f.version!, estimator: f.estimator?.class?.split(".").at(-1) ?? null, servable: f.estimator?.servable ?? false }))
      .sort((a, b) => b.version - a.version),
    aliases: aliases.filter((a) => a.modelId === model.id).map(({ name, version }) => ({ name, version })),
  }));
}
