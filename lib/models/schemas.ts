import { z } from "zod";
import { modelFileKinds } from "@/db/schema/models";

// MLModelCreate of the models document (and the original implementation's pydantic models). Bodies
// first pass through normaliseModelBody (pydantic-body.ts): nulls of unset optional fields go, unknown
// keys are ignored (and named in a header), feature types are mapped. Then strict: wrong types and
// missing required fields are 422 with every problem listed. Liberal where the document's own
// examples disagree with strict types (a threshold of 0.89) and where pydantic clients send partial
// entries (`{"metric": "F1"}`).

// Every string and list has a bound (the numbers are far above what real models use), so one request
// cannot store megabytes of metadata or make validation list a million problems.
const label = z.string().max(200);
const text = z.string().max(10_000);
const scalar = z.union([text, z.number(), z.boolean(), z.null()]);
/** A number, or a string holding one ("0.89"); stored as sent. */
const numberLike = z.union([
  z.number(),
  label.refine((s) => s.trim() !== "" && Number.isFinite(Number(s)), { message: "Expected a number or a numeric string" }),
]);

/** A list checked for its length before its entries, so an oversized one costs one check, not one per entry. */
export function boundedArray<T extends z.ZodType>(entry: T, max: number) {
  return z.array(z.unknown()).max(max, { error: `At most ${max} entries` }).pipe(z.array(entry));
}

export const hyperparameterSchema = z.strictObject({ parameter: label, value: scalar }).describe("A hyperparameter the model was trained with.");
export const performanceSchema = z
  .strictObject({
    metric: label.describe("The metric's name, matched with metrics.json of a training run."),
    order: z.number().int().optional().describe("1 or more: higher is better; 0 or less: lower is better. An entry without order and threshold promotes nothing."),
    threshold: numberLike.optional().describe("The value a retrained version must reach to be promoted."),
  })
  .describe("A performance threshold for promotion after retraining.");
export const resourceSchema = z.strictObject({
  resource_name: label,
  value: z.union([z.number(), label]).optional(),
  deploy: z.union([label, z.boolean()]).optional(),
});
export const featureSchema = z.strictObject({
  feature_name: z.string().min(1).max(1_000).describe("The column's name."),
  type: z.enum(["cont", "cat"]).optional().describe("cont: continuous; cat: categorical (float, int, str, category… are accepted and mapped)."),
  /** 0 input, 1 target. */
  kind: z.union([z.literal(0), z.literal(1)]).describe("0: an input feature; 1: the target."),
  units: z.union([label, z.number(), z.null()]).optional(),
});
export const inferenceSchema = z.strictObject({ type: label.optional(), value: scalar.optional() });
export const driftDetectionSchema = z.strictObject({
  is_true: z.union([z.literal(0), z.literal(1)]).describe("1 turns drift detection on."),
  /** 0 mean-shift, 1 MMD, 2 KS. */
  method: z.union([z.literal(0), z.literal(1), z.literal(2)]).describe("0: mean shift (Welch's t); 1: maximum mean discrepancy; 2: Kolmogorov–Smirnov."),
});

const metadataFields = {
  hyperparameter: boundedArray(hyperparameterSchema, 1_000),
  modelperformance: boundedArray(performanceSchema, 100),
  trainingresource: boundedArray(resourceSchema, 100),
  runresource: boundedArray(resourceSchema, 100),
  featurelist: boundedArray(featureSchema, 20_000),
  inference: boundedArray(inferenceSchema, 100),
  modeltags: boundedArray(z.string().min(1).max(100), 100),
  drift_detection: boundedArray(driftDetectionSchema, 10),
};

const name = z.string().trim().min(1).max(200);

export const modelCreateSchema = z.strictObject({
  modelname: name.describe("The model's name."),
  modelkind: name.describe("What kind of model it is, e.g. classification or regression (searchable)."),
  hyperparameter: metadataFields.hyperparameter.default([]),
  modelperformance: metadataFields.modelperformance.default([]),
  trainingresource: metadataFields.trainingresource.default([]),
  runresource: metadataFields.runresource.default([]),
  featurelist: metadataFields.featurelist.default([]),
  inference: metadataFields.inference.default([]),
  modeltags: metadataFields.modeltags.default([]),
  drift_detection: metadataFields.drift_detection.default([]),
});
export type ModelCreate = z.infer<typeof modelCreateSchema>;

/** PATCH /model/{id}: any subset of the fields; what is sent replaces what was stored. */
export const modelUpdateSchema = z.strictObject({
  modelname: name.optional(),
  modelkind: name.optional(),
  hyperparameter: metadataFields.hyperparameter.optional(),
  modelperformance: metadataFields.modelperformance.optional(),
  trainingresource: metadataFields.trainingresource.optional(),
  runresource: metadataFields.runresource.optional(),
  featurelist: metadataFields.featurelist.optional(),
  inference: metadataFields.inference.optional(),
  modeltags: metadataFields.modeltags.optional(),
  drift_detection: metadataFields.drift_detection.optional(),
});
export type ModelUpdate = z.infer<typeof modelUpdateSchema>;

/** A count in the query: an integer from 0 to `max`. */
export const count = (fallback: number, max: number) => z.coerce.number().int().min(0).max(max).default(fallback);

/** A page size: above the cap it is clamped, not refused, as FastAPI clients expect of a list. */
export const pageSize = (fallback: number, max: number) =>
  z.coerce.number().int().min(0).default(fallback).transform((n) => Math.min(n, max)).describe(`Items per page, at most ${max} (larger values are clamped)`);

export const listQuerySchema = z.object({ skip: count(0, 1_000_000_000), limit: pageSize(100, 1000) });

export const searchQuerySchema = z.object({
  tags: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((t) => (t === undefined ? [] : Array.isArray(t) ? t : [t])),
  skip: count(0, 1_000_000_000),
  limit: pageSize(100, 1000),
});

export const fileKindSchema = z.enum(modelFileKinds);

export const aliasBodySchema = z.strictObject({ version: z.number().int().min(1).max(2_147_483_647) });

/** Alias names: `production`, `staging-2`… (also safe in a URL path). */
export const aliasNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,62}$/, "An alias starts with a letter and has letters, digits, _ . - (up to 63)");
