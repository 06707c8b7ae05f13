import { z } from "zod";
import { count, fieldLabel, MAX_CATEGORY_CAP, MAX_FIELD_NAME_LENGTH, MAX_HASH_BITS, MAX_INPUT_FIELDS, MAX_LOOP_NAME_LENGTH, MAX_ROWS_PER_REQUEST, quoted } from "./limits";
import { FIELD_TYPES, type FieldType, type LearnerSettings } from "./types";

/**
 * The loops API's request bodies as zod schemas: what POST /definitions/ takes, the learner settings in
 * it, and the envelope of /train/ and /predict/. Each field is described here, once, for the API
 * reference (z.toJSONSchema). Messages are the loops document's, as clients have always received them:
 * every problem of a definition listed (400 when a required field is missing, else 422), an envelope's
 * first problem as the message (400, or 422 past a limit).
 *
 * The rows inside `data` are checked one by one against the loop's own input schema by hand
 * (validate-example.ts), not here: a row error skips that row only, and the check is on the hot path.
 * Measured on breast_cancer's 30-number rows, readExample takes about 2 µs a row where a zod
 * strictObject built from the loop's schema takes about 7.5 µs, more than learning the row (about
 * 4.5 µs); its messages would also need rewriting into the document's `data[i]: field: problem`.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A client's value in a message: short strings as JSON, long ones cut (see quoted). */
export function shown(value: unknown): string {
  if (typeof value === "string") return quoted(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

/** The message for a required field: absent says "field required" (definition.ts lists null ones too), else the type's own. */
const orRequired = (message: (input: unknown) => string) => (issue: { input?: unknown }) => (issue.input === undefined ? "field required" : message(issue.input));

// ---- Learner settings

const number = (message: string) => z.number({ error: message });

/**
 * Each setting's type and bounds, with the message a bad value gets; settings.ts checks a definition's
 * resolved settings against these (defaults filled in first), in this order.
 */
export const learnerSettingsSchema = z.object({
  optimizer: z.enum(["adagrad", "sgd"], { error: 'optimizer must be "adagrad" or "sgd"' }).describe("adagrad (default): per-weight step sizes; sgd: plain SGD, as River's linear models"),
  learning_rate: number("learning_rate must be a positive number").positive({ error: "learning_rate must be a positive number" }).describe("Step size of the weights; default 0.1"),
  intercept_learning_rate: number("intercept_learning_rate must be a number ≥ 0")
    .min(0, { error: "intercept_learning_rate must be a number ≥ 0" })
    .describe("Step size of the intercepts; default: learning_rate"),
  l2: number("l2 must be a number ≥ 0").min(0, { error: "l2 must be a number ≥ 0" }).describe("L2 penalty on the weights (not the intercepts); default 0"),
  target_standardization: z.boolean({ error: "target_standardization must be a boolean" }).describe("Regression: learn the standardised target; default true"),
  squared_loss_gradient: z
    .enum(["residual", "twice_residual"], { error: 'squared_loss_gradient must be "residual" or "twice_residual"' })
    .describe("Regression: the gradient m − y (default) or River's 2(m − y)"),
  category_cap: number(`category_cap must be an integer from 0 to ${count(MAX_CATEGORY_CAP)}`)
    .int({ error: `category_cap must be an integer from 0 to ${count(MAX_CATEGORY_CAP)}` })
    .min(0, { error: `category_cap must be an integer from 0 to ${count(MAX_CATEGORY_CAP)}` })
    .max(MAX_CATEGORY_CAP, { error: `category_cap must be an integer from 0 to ${count(MAX_CATEGORY_CAP)}` })
    .describe("One-hot values per string field before new values are hashed into buckets; default 1,000"),
  hash_bits: number(`hash_bits must be an integer from 0 to ${MAX_HASH_BITS}`)
    .int({ error: `hash_bits must be an integer from 0 to ${MAX_HASH_BITS}` })
    .min(0, { error: `hash_bits must be an integer from 0 to ${MAX_HASH_BITS}` })
    .max(MAX_HASH_BITS, { error: `hash_bits must be an integer from 0 to ${MAX_HASH_BITS}` })
    .describe("Hash buckets per string field past its cap: 2^hash_bits; default 10"),
  clip: number("clip must be null or a positive number").positive({ error: "clip must be null or a positive number" }).nullable().describe("Clip standardised numbers to ±clip; null (default): no clipping"),
  reset_on_drift: z.boolean({ error: "reset_on_drift must be a boolean" }).describe("Reset AdaGrad's accumulators when drift is detected; default false"),
});

/** The setting names, in order. */
export const SETTING_NAMES = Object.keys(learnerSettingsSchema.shape) as (keyof LearnerSettings)[];

/** Keys of a settings object that name no setting. */
export function unknownSettings(settings: unknown): string[] {
  return isObject(settings) ? Object.keys(settings).filter((key) => !(SETTING_NAMES as string[]).includes(key)) : [];
}

/** A schema's JSON Schema, to describe a field whose value this file checks by hand. */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema);
  return rest;
}

// ---- POST /definitions/

/** A map of field names to types, checked as the document lists its problems: its size, then each field in order. */
function fieldTypes(maxFields: number, description: string) {
  // Checked as it came (z.record would rebuild it, without a "__proto__" key); described below.
  return z
    .unknown()
    .superRefine((schema, ctx) => {
      if (!isObject(schema)) {
        ctx.addIssue({ code: "custom", path: [], message: schema === undefined ? "field required" : "must be an object mapping field names to types" });
        return;
      }
      const entries = Object.entries(schema);
      if (!entries.length) ctx.addIssue({ code: "custom", path: [], message: "needs at least one field" });
      if (entries.length > maxFields) ctx.addIssue({ code: "custom", path: [], message: `${count(entries.length)} fields; the limit is ${count(maxFields)}` });
      for (const [field, type] of entries) {
        if (!field.trim()) ctx.addIssue({ code: "custom", path: [], message: "a field name is empty" });
        if (field.length > MAX_FIELD_NAME_LENGTH) {
          ctx.addIssue({ code: "custom", path: [], message: `the field name ${quoted(field)} has ${count(field.length)} characters; the limit is ${count(MAX_FIELD_NAME_LENGTH)}` });
        }
        if (typeof type !== "string" || !(FIELD_TYPES as readonly string[]).includes(type)) {
          ctx.addIssue({ code: "custom", path: [fieldLabel(field)], message: `unknown type ${shown(type)}; use one of ${FIELD_TYPES.join(", ")}` });
        }
      }
    })
    .meta({ type: "object", additionalProperties: { type: "string", enum: [...FIELD_TYPES] } })
    .describe(description);
}

/** The types a task's output may have. */
export const OUTPUT_TYPES = { classification: ["string", "integer", "boolean"], regression: ["integer", "float"] } as const satisfies Record<string, readonly FieldType[]>;

/** The body's fields a definition cannot go without: absent or null, each is listed first and the answer is 400. */
export const REQUIRED_DEFINITION_FIELDS = ["name", "task_type", "input_schema", "output_schema"] as const;

/**
 * Each field of a definition on its own; definition.ts adds what spans fields (an output named like an
 * input, an output type the task does not take, the settings' names and values) and orders the list.
 */
export const definitionSchema = z
  .object(
    {
      name: z
        .string({ error: orRequired(() => "must be a non-empty string") })
        // Only a string goes on to be trimmed and measured (an array has a length too).
        .pipe(
          z
            .string()
            .trim()
            .min(1, { error: "must be a non-empty string" })
            .max(MAX_LOOP_NAME_LENGTH, { error: (issue) => `${count((issue.input as string).length)} characters; the limit is ${count(MAX_LOOP_NAME_LENGTH)}` }),
        )
        .describe(`The loop's name, at most ${count(MAX_LOOP_NAME_LENGTH)} characters once trimmed`),
      task_type: z.enum(["classification", "regression"], { error: orRequired((input) => `must be "classification" or "regression", got ${shown(input)}`) }).describe("What the loop predicts"),
      input_schema: fieldTypes(MAX_INPUT_FIELDS, `Input field name → type, at most ${count(MAX_INPUT_FIELDS)} fields with names of at most ${MAX_FIELD_NAME_LENGTH} characters`),
      output_schema: fieldTypes(Infinity, "Exactly one field: the output's name → its type (classification: string, integer or boolean; regression: integer or float)").superRefine(
        (schema, ctx) => {
          const n = isObject(schema) ? Object.keys(schema).length : 0;
          if (n > 1) ctx.addIssue({ code: "custom", path: [], message: `must have exactly one field, got ${n}` });
        },
      ),
      settings: z
        .unknown()
        .superRefine((settings, ctx) => {
          if (!isObject(settings)) ctx.addIssue({ code: "custom", path: [], message: "must be an object" });
        })
        .optional()
        .meta(jsonSchemaOf(learnerSettingsSchema.partial().strict()))
        .describe("Learner settings, each optional (defaults: the specification's default learner)"),
    },
    { error: "The body must be a JSON object." },
  )
  .describe("POST /definitions/: a loop's name, task, input fields and one output field");

export type DefinitionBody = z.infer<typeof definitionSchema>;

// ---- /train/ and /predict/

/**
 * `data`: one row or a list of rows, checked here only for being there and its length; each row is
 * checked against the loop's schema on its own (validate-example.ts).
 */
function rowsData(what: string) {
  return z
    .unknown()
    .superRefine((data, ctx) => {
      if (data === undefined || data === null) ctx.addIssue({ code: "custom", path: [], message: `Missing required field: data (${what}).` });
      else if (Array.isArray(data) && !data.length) ctx.addIssue({ code: "custom", path: [], message: "data is an empty list; send at least one." });
      else if (Array.isArray(data) && data.length > MAX_ROWS_PER_REQUEST) {
        const message = `data has ${count(data.length)} rows; the limit is ${count(MAX_ROWS_PER_REQUEST)} per request: send them in several requests.`;
        ctx.addIssue({ code: "custom", path: [], message, params: { status: 422 } });
      }
    })
    .meta({ anyOf: [{ type: "object", additionalProperties: true }, { type: "array", items: { type: "object", additionalProperties: true }, minItems: 1, maxItems: MAX_ROWS_PER_REQUEST }] })
    .describe(`${what[0]!.toUpperCase()}${what.slice(1)}: an object of field values, or a list of up to ${count(MAX_ROWS_PER_REQUEST)}`);
}

/** top_k: contributors listed per prediction (as a number, or a numeric string as in a query). */
export const topKSchema = z.coerce
  .number({ error: "top_k must be an integer from 1 to 1000." })
  .int({ error: "top_k must be an integer from 1 to 1000." })
  .min(1, { error: "top_k must be an integer from 1 to 1000." })
  .max(1000, { error: "top_k must be an integer from 1 to 1000." })
  .nullish()
  .describe("Contributors listed per prediction, 1 to 1,000; default 10 (also accepted as a query parameter)");

const envelope = (what: string) => ({ error: `The body must be a JSON object with a data field (${what}).` });

export const trainBodySchema = z.object({ data: rowsData("one example or a list of examples") }, envelope("one example or a list of examples")).describe("POST /train/: labelled examples, learned in order");
export const predictBodySchema = z
  .object({ data: rowsData("one input or a list of inputs"), top_k: topKSchema }, envelope("one input or a list of inputs"))
  .describe("POST /predict/: inputs to predict and explain; the model does not change");
