import { performance } from "node:perf_hooks";
import type { Database } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import type { Explanation, InputRow, Label, Prediction } from "../sklearn";
import { explainWithFallback } from "../sklearn/explain";
import { InputError } from "../sklearn/input";
import { fetchDataLink } from "./data-link";
import { displayNames } from "./features";
import { parsePredictBody, rowsFromCsv, rowsFromData } from "./inputs";
import { servableForPredict, type Servable } from "./serving";
import { recordOperationSoon } from "./operations-store";
import { getServingPlanCached } from "./store";

// POST /deployment/{id}/predict and the deployment page's playground: parse, predict, explain the
// first row when asked, record the call as an operation, answer the document's shape.

/** The explanation as the API returns it: the document's fields first, then what makes it checkable. */
export interface ExplanationBody {
  feature_importance: number[];
  method: "shap";
  base_value: number;
  features: string[];
  residual: number;
  /** linear | tree_path_dependent | shapley_enumeration | permutation | kernel */
  algorithm: Explanation["method"];
  exact: boolean;
  explained_output: string;
  /** f(x) of the explained output: base_value + Σ feature_importance (up to residual). */
  value: number;
  background: Explanation["background"];
  /** Permutations a sampler drew, or background rows each enumerated coalition averaged; absent for closed forms. */
  samples?: number;
  /** The explained row of data (the first). */
  row: number;
}

export interface PredictionBody {
  /** One per row: a label or value, or an array for multi-output estimators and lone transformers. */
  prediction: Prediction[];
  probabilities?: number[][];
  classes?: Label[];
  explanation?: ExplanationBody | null;
}

/** Budget of a sampling explainer (CRUCIBLE_EXPLAIN_BUDGET_MS, default 200 ms). */
function explainBudgetMs(): number {
  const value = Number(process.env.CRUCIBLE_EXPLAIN_BUDGET_MS);
  return Number.isFinite(value) && value > 0 ? value : 200;
}

function inputProblem(error: InputError): ApiError {
  return new ApiError(422, "The input does not fit the model.", [{ path: ["data"], message: error.message, type: "value_error" }]);
}

function explanationBody(e: Explanation, names: string[]): ExplanationBody {
  const features = names.length === e.values.length ? names : e.values.map((_, i) => `x${i}`);
  return {
    feature_importance: e.values,
    method: "shap",
    base_value: e.base_value,
    features,
    residual: e.residual,
    algorithm: e.method,
    exact: e.exact,
    explained_output: e.output,
    value: e.value,
    background: e.background,
    ...(e.samples === undefined ? {} : { samples: e.samples }),
    row: 0,
  };
}

/** Predictions (and probabilities for classifiers) for every row; the first row's explanation when asked. */
export function predictRows(servable: Servable, rows: InputRow[], explain: boolean): PredictionBody {
  const { estimator } = servable;
  const body: PredictionBody = { prediction: [] };
  try {
    body.prediction = estimator.predictOutputs ? estimator.predictOutputs(rows) : estimator.predict(rows);
    if (estimator.kind === "classifier" && estimator.predictProba) {
      body.probabilities = estimator.predictProba(rows);
      body.classes = estimator.classes ?? undefined;
    }
  } catch (error) {
    if (error instanceof InputError) throw inputProblem(error);
    throw error;
  }
  if (explain) {
    try {
      const e = explainWithFallback(estimator, rows[0]!, { background: servable.background, seed: 0, budgetMs: explainBudgetMs() });
      body.explanation = explanationBody(e, displayNames(servable.spec));
    } catch (error) {
      if (error instanceof InputError) throw inputProblem(error);
      // The prediction stands without an explanation; the failure is logged for the estimator's authors.
      console.error(`[deployments] explaining ${estimator.className} failed`, error);
      body.explanation = null;
    }
  }
  return body;
}

export interface PredictCall {
  workspaceId: string;
  deploymentId: string;
  rawBody: string;
  /** Read only for a data_link fetch: creating a request's AbortSignal costs more than a prediction. */
  signal?: () => AbortSignal;
}

/** The whole call: 404 for a deployment the account does not have, then the errors of each step. */
export async function predictForDeployment(db: Database, call: PredictCall): Promise<PredictionBody> {
  return (await predictForDeploymentWithKind(db, call)).body;
}

/** The header naming the model version that answered (the body keeps the document's shape). */
export const versionHeader = (version: number | null): Record<string, string> => (version === null ? {} : { "x-model-version": String(version) });

/** The same, with the kind of estimator that answered (the container contract formats by it). */
export async function predictForDeploymentWithKind(db: Database, call: PredictCall): Promise<{ body: PredictionBody; kind: Servable["estimator"]["kind"]; version: number | null }> {
  const request = parsePredictBody(call.rawBody);
  const plan = await getServingPlanCached(db, call.workspaceId, call.deploymentId);
  if (!plan) throw new ApiError(404, "Deployment not found");
  if (request.kind === "link" && plan.deployment.inferenceData !== 1) {
    throw new ApiError(422, "The request body is invalid.", [
      { path: ["data_link"], message: "This deployment takes values (inference_data 0); deploy with inference_data 1 to send a data_link", type: "value_error" },
    ]);
  }
  const servable = await servableForPredict(db, plan);
  const started = performance.now();
  const rows = request.kind === "data" ? rowsFromData(request.data, servable.spec) : rowsFromCsv(await fetchDataLink(request.url, call.signal?.()), servable.spec);
  const parsedAt = performance.now();
  const body = predictRows(servable, rows, request.explain);
  const latencyMs = performance.now() - (request.kind === "link" ? parsedAt : started);
  const { explanation, ...output } = body;
  recordOperationSoon(db, call.workspaceId, {
    deploymentRowId: plan.deployment.id,
    ownerid: plan.deployment.ownerid,
    source: "predict",
    input: { data: rows, explain: request.explain, ...(request.kind === "link" ? { data_link: request.url } : {}) },
    output,
    explanation: explanation ?? null,
    latencyMs,
  });
  return { body, kind: servable.estimator.kind, version: plan.deployment.version };
}
