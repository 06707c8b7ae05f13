import { DEFAULT_SETTINGS, resolveSettings, settingsProblems } from "./settings";
import { FIELD_TYPES, type FieldType, type LearnerSettings, type LoopSpec, type TaskType } from "./types";

/** A validated POST /definitions/ body. */
export interface LoopDefinition {
  name: string;
  task_type: TaskType;
  input_schema: Record<string, FieldType>;
  output_schema: Record<string, FieldType>;
  settings: Partial<LearnerSettings>;
}

export type DefinitionResult =
  | { ok: true; definition: LoopDefinition }
  /** 400 when required fields are missing (the loops document's rule), else 422; every problem listed. */
  | { ok: false; status: 400 | 422; problems: string[] };

const OUTPUT_TYPES: Record<TaskType, FieldType[]> = {
  classification: ["string", "integer", "boolean"],
  regression: ["integer", "float"],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkSchema(label: string, schema: unknown, problems: string[]): Record<string, FieldType> {
  const out: Record<string, FieldType> = {};
  if (!isObject(schema)) {
    problems.push(`${label}: must be an object mapping field names to types`);
    return out;
  }
  if (!Object.keys(schema).length) problems.push(`${label}: needs at least one field`);
  for (const [field, type] of Object.entries(schema)) {
    if (!field.trim()) problems.push(`${label}: a field name is empty`);
    if (typeof type !== "string" || !(FIELD_TYPES as readonly string[]).includes(type)) {
      problems.push(`${label}.${field}: unknown type ${JSON.stringify(type)}; use one of ${FIELD_TYPES.join(", ")}`);
    } else out[field] = type as FieldType;
  }
  return out;
}

/** Validates a loop definition, listing every problem at once. */
export function parseDefinition(body: unknown): DefinitionResult {
  if (!isObject(body)) return { ok: false, status: 400, problems: ["The body must be a JSON object."] };
  const missing = ["name", "task_type", "input_schema", "output_schema"].filter((k) => body[k] === undefined || body[k] === null);
  const problems: string[] = missing.map((k) => `${k}: field required`);

  if (body.name !== undefined && (typeof body.name !== "string" || !body.name.trim())) problems.push("name: must be a non-empty string");
  const taskType = body.task_type;
  if (taskType !== undefined && taskType !== "classification" && taskType !== "regression") {
    problems.push(`task_type: must be "classification" or "regression", got ${JSON.stringify(taskType)}`);
  }
  const input = body.input_schema === undefined ? {} : checkSchema("input_schema", body.input_schema, problems);
  const output = body.output_schema === undefined ? {} : checkSchema("output_schema", body.output_schema, problems);
  const outputs = Object.entries(output);
  if (body.output_schema !== undefined && Object.keys(isObject(body.output_schema) ? body.output_schema : {}).length > 1) {
    problems.push(`output_schema: must have exactly one field, got ${Object.keys(body.output_schema as object).length}`);
  }
  for (const [name] of outputs) if (name in input) problems.push(`output_schema.${name}: clashes with the input field of the same name`);
  if ((taskType === "classification" || taskType === "regression") && outputs.length === 1) {
    const [name, type] = outputs[0]!;
    if (!OUTPUT_TYPES[taskType].includes(type)) {
      problems.push(`output_schema.${name}: a ${taskType} output is ${OUTPUT_TYPES[taskType].join(" or ")}, not ${type}`);
    }
  }

  const settings: Partial<LearnerSettings> = {};
  if (body.settings !== undefined) {
    if (!isObject(body.settings)) problems.push("settings: must be an object");
    else {
      const unknown = Object.keys(body.settings).filter((key) => !(key in DEFAULT_SETTINGS));
      for (const key of unknown) problems.push(`settings.${key}: unknown setting; known: ${Object.keys(DEFAULT_SETTINGS).join(", ")}`);
      Object.assign(settings, body.settings);
      if (!unknown.length) problems.push(...settingsProblems(resolveSettings(settings)).map((p) => `settings.${p}`));
    }
  }

  if (problems.length) return { ok: false, status: missing.length ? 400 : 422, problems };
  return {
    ok: true,
    definition: { name: (body.name as string).trim(), task_type: taskType as TaskType, input_schema: input, output_schema: output, settings },
  };
}

export function specOf(definition: Pick<LoopDefinition, "task_type" | "input_schema" | "output_schema">, settings: LearnerSettings): LoopSpec {
  const [name, type] = Object.entries(definition.output_schema)[0]!;
  return { task_type: definition.task_type, input_schema: definition.input_schema, output: { name, type }, settings };
}
