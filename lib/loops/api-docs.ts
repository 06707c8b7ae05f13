import { z } from "zod";
import { named, timestamp, type RouteResponseDocs } from "@/lib/http/response-docs";
import { learnerSettingsSchema } from "./schemas";
import { FIELD_TYPES } from "./types";

/** What the loops API answers, for its OpenAPI description (lib/http/openapi.ts). */

const fieldTypes = z.record(z.string(), z.enum(FIELD_TYPES));
const taskType = z.enum(["classification", "regression"]);

export const loopSchema = named(
  "Loop",
  z
    .object({
      definition_id: z.string().describe("The loop's id (the same as loop_id; the document's name for it)"),
      loop_id: z.string().describe("Send it as x-loop-id to /train/ and /predict/"),
      name: z.string(),
      task_type: taskType,
      input_schema: fieldTypes.describe("Input field → type, in the order the loop was defined with"),
      output_schema: fieldTypes.describe("The one output field → its type"),
      settings: learnerSettingsSchema.describe("The learner's settings, defaults filled in"),
      model_url: z.string().describe("Where the loop's model can be downloaded (GET /definitions/{loop_id}/model)"),
      created_at: timestamp(),
    })
    .describe("A loop: its definition and where its model lives"),
);

export const trainResultSchema = named(
  "TrainResult",
  z
    .object({
      status: z.literal("success"),
      message: z.string(),
      trained_samples: z.number().int().describe("Rows learned from"),
      failed_samples: z.number().int().describe("Rows skipped: each is named in errors"),
      errors: z.array(z.string()).describe("One line per skipped row: data[i]: field: problem"),
      n_seen: z.number().int().describe("Rows the loop has learned from in all"),
      model_version: z.number().int(),
    })
    .describe("What a /train/ call learned"),
);

const contributorSchema = z
  .object({
    feature: z.string(),
    contribution: z.number(),
    weight: z.number(),
    value: z.unknown(),
    mean: z.number().optional(),
    unseen: z.boolean().optional(),
  })
  .describe("One input's share of the margin");

export const predictionSchema = named(
  "Prediction",
  z
    .looseObject({
      explanation: z.object({
        top_contributors: z.array(contributorSchema),
        baseline: z.number(),
        margin: z.number(),
        units: z.enum(["log_odds", "centred_logit", "target"]),
        other: z.number().describe("Sum of the contributions not listed: baseline + Σ listed + other = margin"),
        status: z.enum(["warming_up", "ok"]),
        n_seen: z.number().int(),
        model_version: z.number().int(),
      }),
      probabilities: z.record(z.string(), z.number()).optional().describe("Classification: the probability of each class label"),
      index: z.number().int().describe("The row of data this answers"),
      model_version: z.number().int(),
      n_seen: z.number().int(),
    })
    .describe("One row's answer: the output field (named as in the loop's output_schema) holds the predicted value"),
);

export const predictResultSchema = named(
  "PredictResult",
  z
    .object({
      status: z.literal("success"),
      message: z.string(),
      predictions: z.array(predictionSchema),
      failed_samples: z.number().int(),
      errors: z.array(z.string()),
    })
    .describe("The answers of a /predict/ call, one per row that fit the loop's input schema"),
);

export const loopModelSchema = named(
  "LoopModel",
  z
    .object({
      format: z.literal("crucible-loop-model/1"),
      loop_id: z.string(),
      name: z.string(),
      task_type: taskType,
      input_schema: fieldTypes,
      output_schema: fieldTypes,
      settings: learnerSettingsSchema,
      model_version: z.number().int(),
      n_seen: z.number().int(),
      learner: z.record(z.string(), z.unknown()).describe("The learner's state"),
      monitor: z.record(z.string(), z.unknown()).describe("The drift and metric monitors' state"),
    })
    .describe("A loop's model as a JSON file"),
);

export const loopMetricsSchema = named(
  "LoopMetrics",
  z
    .looseObject({ status: z.literal("success"), loop_id: z.string(), n_seen: z.number().int(), model_version: z.number().int() })
    .describe("Every metric of the loop, cumulative and over its rolling windows, with the baselines they beat"),
);

export const loopResponseDocs: RouteResponseDocs = {
  "POST /definitions": {
    status: 200,
    description: "The loop, defined",
    schema: loopSchema,
    requestExample: {
      name: "Customer Recommendation Loop",
      task_type: "classification",
      input_schema: { user_id: "string", item_id: "string", rating: "integer", time_of_day: "integer" },
      output_schema: { recommendation: "string" },
    },
    errors: { 409: "The loop already has a definition" },
  },
  "POST /train": {
    status: 200,
    description: "What was learned; rows that did not fit are listed in errors",
    schema: trainResultSchema,
    requestExample: { data: [{ user_id: "u1", item_id: "i9", rating: 4, time_of_day: 18, recommendation: "i12" }] },
    errors: { 409: "The loop has no definition yet", 503: "Too many examples are waiting for this loop; retry after Retry-After seconds" },
  },
  "POST /predict": {
    status: 200,
    description: "One answer per row, with what drove it",
    schema: predictResultSchema,
    requestExample: { data: { user_id: "u1", item_id: "i9", rating: 4, time_of_day: 18 } },
    errors: { 409: "The loop has no definition yet" },
  },
  "GET /definitions/:loop_id/model": { status: 200, description: "The model as a JSON file", schema: loopModelSchema, errors: { 409: "The loop has no definition yet" } },
  "GET /definitions/:loop_id/metrics": { status: 200, description: "The loop's metrics", schema: loopMetricsSchema, errors: { 409: "The loop has no definition yet" } },
};
