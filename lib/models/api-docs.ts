import { z } from "zod";
import { modelFileKinds } from "@/db/schema/models";
import { named, timestamp, type RouteResponseDocs } from "@/lib/http/response-docs";
import { placementSchema } from "./deployments/schemas";
import { driftDetectionSchema, featureSchema, hyperparameterSchema, inferenceSchema, performanceSchema, resourceSchema } from "./schemas";

/** What the models API (registry, deployments, training) answers, for its OpenAPI description. */

export const modelFileSchema = named(
  "ModelFile",
  z
    .object({
      modelid: z.string(),
      filekind: z.enum(modelFileKinds).describe("model, data, code or env (requirements)"),
      filename: z.string(),
      contenttype: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      version: z.number().int().nullable().describe("The model version a model file made; null for the other kinds"),
      estimator: z.record(z.string(), z.unknown()).nullable().describe("What was read from a model file: its class, scikit-learn version, features, whether it can be served"),
      uploaded_by: z.string().nullable(),
      created_at: timestamp(),
      download_url: z.string(),
    })
    .describe("A file stored with a model"),
);

export const modelSchema = named(
  "Model",
  z
    .object({
      modelid: z.string(),
      modelname: z.string(),
      modelkind: z.string(),
      hyperparameter: z.array(hyperparameterSchema),
      modelperformance: z.array(performanceSchema),
      trainingresource: z.array(resourceSchema),
      runresource: z.array(resourceSchema),
      featurelist: z.array(featureSchema),
      inference: z.array(inferenceSchema),
      modeltags: z.array(z.string()),
      drift_detection: z.array(driftDetectionSchema),
      files: z.array(modelFileSchema),
      created_at: timestamp(),
      updated_at: timestamp(),
    })
    .describe("A registered model (MLModel) with its files"),
);

export const modelListSchema = named("ModelList", z.array(modelSchema).describe("Models, newest first"));

export const modelVersionSchema = named(
  "ModelVersion",
  modelFileSchema.extend({ aliases: z.array(z.string()).describe("The aliases pointing at this version") }).describe("A version of a model: its model file and aliases"),
);

export const deploymentSchema = named(
  "Deployment",
  z
    .object({
      deployment_id: z.string(),
      modelid: z.string(),
      version: z.number().int().nullable().describe("The model version served"),
      version_ref: z.unknown().describe("What was asked for: a version number, an alias, or null for the latest"),
      ownerid: z.string(),
      placement: placementSchema,
      inference_data: z.union([z.literal(0), z.literal(1)]),
      status: z.enum(["pending", "under_deployment", "deployed", "Deployment_Failed"]),
      reason: z.string().nullable().describe("Why it failed"),
      inference_endpoint: z.string().describe("POST rows here to predict"),
      created_at: timestamp(),
      updated_at: timestamp(),
    })
    .describe("A deployment (MLDeploymentReturn): a model version served at an endpoint"),
);

export const deploymentListSchema = named("DeploymentList", z.array(deploymentSchema).describe("Deployments, newest first"));

export const deploymentStatusSchema = named(
  "DeploymentStatus",
  deploymentSchema.extend({ response: z.string().describe("The status again, as the MLConnector's clients read it") }).describe("A deployment and its status"),
);

export const operationSchema = named(
  "Operation",
  z
    .object({
      operationid: z.string().describe("A UUID naming the operation"),
      id: z.number().int().describe("Its number in the log: a cursor for the next page"),
      ownerid: z.string(),
      deploymentid: z.string(),
      modelid: z.string(),
      data: z.unknown().describe("The input, as it was sent"),
      result: z.unknown().describe("The output, as it was sent or answered"),
      explanation: z.unknown(),
      source: z.string().describe("predict: served here; external: reported by POST /deployment/add/operation"),
      latency_ms: z.number().nullable(),
      timestamp: timestamp(),
      created_at: timestamp(),
    })
    .describe("An inference of a deployment (MLDeploymentOposReturn)"),
);

export const operationListSchema = named("OperationList", z.array(operationSchema).describe("Operations, newest first"));

const explanationSchema = z
  .object({
    feature_importance: z.array(z.number()).describe("SHAP value of each feature, in the order of features"),
    method: z.literal("shap"),
    base_value: z.number(),
    features: z.array(z.string()),
    residual: z.number(),
    algorithm: z.string().describe("linear, tree_path_dependent, shapley_enumeration, permutation or kernel"),
    exact: z.boolean(),
    explained_output: z.string(),
    value: z.number().describe("f(x) of the explained output: base_value + Σ feature_importance (up to residual)"),
    background: z.string(),
    samples: z.number().int().optional(),
    row: z.number().int().describe("The explained row of data"),
  })
  .describe("The SHAP explanation of the first row");

export const deploymentPredictionSchema = named(
  "DeploymentPrediction",
  z
    .object({
      prediction: z.array(z.unknown()).describe("One per row: a label or value, or an array for multi-output estimators"),
      probabilities: z.array(z.array(z.number())).optional().describe("Classifiers: per row, the probability of each class"),
      classes: z.array(z.unknown()).optional(),
      explanation: explanationSchema.nullable().optional().describe("When asked (explain: true); null when it could not be computed"),
    })
    .describe("A deployment's predictions"),
);

export const containerPredictionSchema = named(
  "ContainerPrediction",
  z
    .object({ inference: z.string().describe("numpy's str() of the prediction"), explanation: explanationSchema.nullable().optional() })
    .describe("The inference containers' answer"),
);

export const trainingJobSchema = named(
  "TrainingJob",
  z
    .object({
      deployment_id: z.string().describe("The job's id (MLTrain's name for it)"),
      job_id: z.string(),
      modelid: z.string(),
      placement: z.unknown(),
      status: z.enum(["waiting", "running", "succeeded", "failed"]),
      trigger: z.string().describe("What started it: api, dashboard or drift"),
      reason: z.string().nullable(),
      result_version: z.number().int().nullable().describe("The version the run made"),
      promoted: z.boolean().describe("Whether that version met the model's thresholds and was promoted"),
      metrics: z.unknown(),
      log: z.string().nullable(),
      created_at: timestamp(),
      started_at: timestamp().nullable(),
      finished_at: timestamp().nullable(),
    })
    .describe("A retraining run of a model"),
);

export const trainingJobListSchema = named("TrainingJobList", z.array(trainingJobSchema).describe("Training jobs, newest first"));

const trashedModelSchema = named(
  "TrashedModel",
  z
    .object({
      message: z.string(),
      modelid: z.string(),
      deleted: z.literal(true),
      deployments: z.array(z.string()).describe("Its deployments, moved to the trash with it"),
    })
    .describe("The model is in the trash with its deployments, restorable for 30 days"),
);
const trashedDeploymentSchema = named(
  "TrashedDeployment",
  z.object({ message: z.string(), deployment_id: z.string(), deleted: z.literal(true) }).describe("The deployment is in the trash and stops serving, restorable for 30 days"),
);

const ridgeExample = {
  modelname: "Ridge",
  modelkind: "Regressor",
  hyperparameter: [{ parameter: "alpha", value: 1 }],
  modelperformance: [{ metric: "Accuracy", order: 1, threshold: 0.89 }],
  featurelist: ["age", "sex", "bmi", "bp"].map((f) => ({ feature_name: f, type: "cont", kind: 0 })),
  modeltags: ["regression", "fast"],
  drift_detection: [{ is_true: 1, method: 0 }],
};
const irisDeploy = { modelid: "<modelid>", ownerid: "agent-1", placement: { clusterID: "*", node: "*", continuum: true }, deployment_id: "dep-iris-001", inference_data: 1 };

const noModel = { 404: "No such model in this workspace" } as const;
const noDeployment = { 404: "No such deployment in this workspace" } as const;
const notServable = {
  404: "No such deployment in this workspace",
  400: "The body is empty or not JSON (a Python tuple, say)",
  409: "The deployment failed to load",
  503: "The deployment is still loading, or this server cannot serve it; retry after Retry-After seconds",
} as const;

export const modelResponseDocs: RouteResponseDocs = {
  "POST /model/add": {
    status: 201,
    description: "The model, registered with no files yet",
    schema: modelSchema,
    requestExample: ridgeExample,
    headers: { "x-ignored-fields": "Body fields that name nothing and were ignored" },
  },
  "GET /model/all": { status: 200, description: "The workspace's models", schema: modelListSchema },
  "GET /model/search": { status: 200, description: "Models having any of the tags", schema: modelListSchema },
  "GET /model/getkind/:modelkind": { status: 200, description: "Models of the kind", schema: modelListSchema },
  "POST /model/:model_id/upload": {
    status: 201,
    description: "The stored file; a model file becomes the next version",
    schema: modelFileSchema,
    formFields: {
      required: ["file", "file_kind"],
      properties: {
        file: { type: "string", contentMediaType: "application/octet-stream", description: "The file, with its name" },
        file_kind: { type: "string", enum: [...modelFileKinds], description: "model (a pickle or joblib file: the next version), data (CSV), code (the training script) or env (requirements.txt)" },
      },
    },
    errors: { ...noModel, 413: "Larger than MODEL_UPLOAD_LIMIT_BYTES" },
  },
  "GET /model/:model_id/files/:sha256": { status: 200, description: "The file's bytes", media: "application/octet-stream", errors: { 404: "No such model or file" } },
  "GET /model/:model_id/versions/:version/download": { status: 200, description: "The version's model file", media: "application/octet-stream", errors: { 404: "No such model, version or alias" } },
  "GET /model/:model_id/versions": { status: 200, description: "The model's versions", schema: named("ModelVersionList", z.array(modelVersionSchema)), errors: noModel },
  "PUT /model/:model_id/aliases/:name": {
    status: 200,
    description: "The alias, pointing at the version",
    schema: named("ModelAlias", z.object({ modelid: z.string(), name: z.string(), version: z.number().int() }).describe("An alias of a model version")),
    errors: { 404: "No such model or version" },
  },
  "GET /model/:model_id": { status: 200, description: "The model with its files", schema: modelSchema, errors: noModel },
  "PATCH /model/:model_id": { status: 200, description: "The model as it now is", schema: modelSchema, errors: noModel },
  "DELETE /model/:model_id": { status: 200, description: "The model is in the trash, with its deployments", schema: trashedModelSchema, errors: noModel },
  "POST /deployment/add": {
    status: 201,
    description: "The deployment, pending while the model loads",
    schema: deploymentSchema,
    requestExample: irisDeploy,
    errors: { 404: "No such model, version or alias", 409: "A deployment with this deployment_id exists" },
  },
  "GET /deployment/all": { status: 200, description: "The workspace's deployments", schema: deploymentListSchema },
  "GET /deployment/get/status/:deployment_id": { status: 200, description: "The deployment and its status", schema: deploymentStatusSchema, errors: noDeployment },
  "DELETE /deployment/:deployment_id": { status: 200, description: "The deployment is in the trash", schema: trashedDeploymentSchema, errors: noDeployment },
  "POST /deployment/:deployment_id/predict": {
    status: 200,
    description: "The predictions, and the first row's explanation when asked",
    schema: deploymentPredictionSchema,
    requestExample: { data: [5.1, 3.5, 1.4, 0.2], explain: true },
    errors: notServable,
  },
  "POST /deployment/:deployment_id/prediction": {
    status: 200,
    description: "The prediction as the inference containers answer it",
    schema: containerPredictionSchema,
    requestExample: { data: { "sepal length (cm)": 5.1, "sepal width (cm)": 3.5, "petal length (cm)": 1.4, "petal width (cm)": 0.2 }, explanation: false },
    errors: notServable,
  },
  "POST /deployment/add/operation": { status: 201, description: "The recorded operation", schema: operationSchema, errors: noDeployment },
  "GET /deployment/get/opos/:ownerid": {
    status: 200,
    description: "The owner's operations",
    schema: operationListSchema,
    headers: { "x-next-cursor": "Pass as ?cursor= for the next page; absent on the last one" },
  },
  "GET /deployment/:deployment_id/manifest": {
    status: 200,
    description: "A Kubernetes List of a Deployment and a Service",
    schema: named("KubernetesList", z.looseObject({ apiVersion: z.literal("v1"), kind: z.literal("List"), items: z.array(z.record(z.string(), z.unknown())) }).describe("Kubernetes objects")),
    errors: noDeployment,
  },
  "POST /mltraining/add": {
    status: 201,
    description: "The training job, waiting for a worker",
    schema: trainingJobSchema,
    errors: { 404: "No such model in this workspace", 400: "The model lacks the code or data a run needs, or a run is under way", 503: "Training cannot start on this server" },
  },
  "GET /mltraining/all": { status: 200, description: "The workspace's training jobs", schema: trainingJobListSchema },
  "GET /mltraining/:job_id": { status: 200, description: "The job with its log and outcome", schema: trainingJobSchema, errors: { 404: "No such training job in this workspace" } },
};
