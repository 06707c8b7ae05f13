import { count, fieldLabel, MAX_FIELD_NAME_LENGTH, MAX_INPUT_FIELDS, MAX_LOOP_NAME_LENGTH, quoted } from "./limits";
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

function checkSchema(label: string, schema: unknown, problems: string[], maxFields: number): Record<string, FieldType> {
  const out: Record<string, FieldType> = {};
  if (!isObject(schema)) {
    problems.push(`${label}: must be an object mapping field names to types`);
    return out;
  }
  const entries = Object.entries(schema);
  if (!entries.length) problems.push(`${label}: needs at least one field`);
  if (entries.length > maxFields) problems.push(`${label}: ${count(entries.length)} fields; the limit is ${count(maxFields)}`);
  for (const [field, type] of entries) {
    if (!field.trim()) problems.push(`${label}: a field name is empty`);
    if (field.length > MAX_FIELD_NAME_LENGTH) {
      problems.push(`${label}: the field name ${quoted(field)} has ${count(field.length)} characters; the limit is ${count(MAX_FIELD_NAME_LENGTH)}`);
    }
    if (typeof type !== "string" || !(FIELD_TYPES as readonly string[]).includes(type)) {
      problems.push(`${label}.${fieldLabel(field)}: unknown type ${shown(type)}; use one of ${FIELD_TYPES.join(", ")}`);
    } else out[field] = type as FieldType;
  }
  return out;
}

/** A client's value in a message: short strings as JSON, long ones cut (see quoted). */
function shown(value: unknown): string {
  if (typeof value === "string") return quoted(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

/** Problems listed for one definition: a schema of thousands of bad fields is summed up, not echoed. */
const MAX_DEFINITION_PROBLEMS = 50;

function listed(problems: string[]): string[] {
  if (problems.length <= MAX_DEFINITION_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_DEFINITION_PROBLEMS), `… and ${count(problems.length - MAX_DEFINITION_PROBLEMS)} more problems`];
}

/** Validates a loop definition, listing every problem at once. */
export function parseDefinition(body: unknown): DefinitionResult {
  if (!isObject(body)) return { ok: false, status: 400, problems: ["The body must be a JSON object."] };
  const missing = ["name", "task_type", "input_schema", "output_schema"].filter((k) => body[k] === undefined || body[k] === null);
  const problems: string[] = missing.map((k) => `${k}: field required`);

  if (body.name !== undefined && (typeof body.name !== "string" || !body.name.trim())) problems.push("name: must be a non-empty string");
  else if (typeof body.name === "string") {
    const problem = loopNameProblem(body.name);
    if (problem) problems.push(problem);
  }
  const taskType = body.task_type;
  if (taskType !== undefined && taskType !== "classification" && taskType !== "regression") {
    problems.push(`task_type: must be "classification" or "regression", got ${shown(taskType)}`);
  }
  const input = body.input_schema === undefined ? {} : checkSchema("input_schema", body.input_schema, problems, MAX_INPUT_FIELDS);
  const output = body.output_schema === undefined ? {} : checkSchema("output_schema", body.output_schema, problems, Infinity); // "exactly one" is checked below
  const outputs = Object.entries(output);
  if (body.output_schema !== undefined && Object.keys(isObject(body.output_schema) ? body.output_schema : {}).length > 1) {
    problems.push(`output_schema: must have exactly one field, got ${Object.keys(body.output_schema as object).length}`);
  }
  for (const [name] of outputs) if (name in input) problems.push(`output_schema.${fieldLabel(name)}: clashes with the input field of the same name`);
  if ((taskType === "classification" || taskType === "regression") && outputs.length === 1) {
    const [name, type] = outputs[0]!;
    if (!OUTPUT_TYPES[taskType].includes(type)) {
      problems.push(`output_schema.${fieldLabel(name)}: a ${taskType} output is ${OUTPUT_TYPES[taskType].join(" or ")}, not ${type}`);
    }
  }

  const settings: Partial<LearnerSettings> = {};
  if (body.settings !== undefined) {
    if (!isObject(body.settings)) problems.push("settings: must be an object");
    else {
      const unknown = Object.keys(body.settings).filter((key) => !(key in DEFAULT_SETTINGS));
      for (const key of unknown) problems.push(`settings.${fieldLabel(key)}: unknown setting; known: ${Object.keys(DEFAULT_SETTINGS).join(", ")}`);
      Object.assign(settings, body.settings);
      if (!unknown.length) problems.push(...settingsProblems(resolveSettings(settings)).map((p) => `settings.${p}`));
    }
  }

  if (problems.length) return { ok: false, status: missing.length ? 400 : 422, problems: listed(problems) };
  return {
    ok: true,
    definition: { name: (body.name as string).trim(), task_type: taskType as TaskType, input_schema: input, output_schema: output, settings },
  };
}

/** The problem with a loop's name (trimmed, as it is stored) when it is too long; null when it is fine. */
export function loopNameProblem(name: string): string | null {
  const length = name.trim().length;
  return length > MAX_LOOP_NAME_LENGTH ? `name: ${count(length)} characters; the limit is ${count(MAX_LOOP_NAME_LENGTH)}` : null;
}

export function specOf(definition: Pick<LoopDefinition, "task_type" | "input_schema" | "output_schema">, settings: LearnerSettings): LoopSpec {
  const [name, type] = Object.entries(definition.output_schema)[0]!;
  return { task_type: definition.task_type, input_schema: definition.input_schema, output: { name, type }, settings };
}
