import { describeDetail, zodDetails, type ApiErrorDetail } from "@/lib/http/errors";
import { count, fieldLabel, MAX_LOOP_NAME_LENGTH } from "./limits";
import { definitionSchema, OUTPUT_TYPES, REQUIRED_DEFINITION_FIELDS, SETTING_NAMES, unknownSettings } from "./schemas";
import { resolveSettings, settingsProblems } from "./settings";
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
  /**
   * 400 when the body is not an object or a required field is missing (the loops document's rule), else
   * 422; every problem listed, as details for the API's error body and as lines.
   */
  | { ok: false; status: 400 | 422; details: ApiErrorDetail[]; problems: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Problems listed for one definition: a schema of thousands of bad fields is summed up, not echoed. */
const MAX_DEFINITION_PROBLEMS = 50;

const detail = (path: string[], message: string): ApiErrorDetail => ({ path, message, type: "custom" });

const validTypes = (schema: unknown): [string, FieldType][] =>
  Object.entries(isObject(schema) ? schema : {}).filter((entry): entry is [string, FieldType] => (FIELD_TYPES as readonly unknown[]).includes(entry[1]));

/** What spans fields: the output against the inputs and the task. */
function outputProblems(body: Record<string, unknown>): ApiErrorDetail[] {
  const problems: ApiErrorDetail[] = [];
  const inputs = new Set(validTypes(body.input_schema).map(([name]) => name));
  const outputs = validTypes(body.output_schema);
  for (const [name] of outputs) if (inputs.has(name)) problems.push(detail(["output_schema", fieldLabel(name)], "clashes with the input field of the same name"));
  const task = body.task_type;
  if ((task === "classification" || task === "regression") && outputs.length === 1) {
    const [name, type] = outputs[0]!;
    const allowed: readonly FieldType[] = OUTPUT_TYPES[task];
    if (!allowed.includes(type)) problems.push(detail(["output_schema", fieldLabel(name)], `a ${task} output is ${allowed.join(" or ")}, not ${type}`));
  }
  return problems;
}

/** Unknown setting names; else the settings' values, once the defaults are filled in (the intercept rate follows the learning rate). */
function settingsNameAndValueProblems(settings: unknown): ApiErrorDetail[] {
  if (!isObject(settings)) return [];
  const unknown = unknownSettings(settings);
  if (unknown.length) return unknown.map((key) => detail(["settings", fieldLabel(key)], `unknown setting; known: ${SETTING_NAMES.join(", ")}`));
  return settingsProblems(resolveSettings(settings)).map((problem) => detail([], `settings.${problem}`));
}

/**
 * Every problem, in the order clients have always read them: missing fields (absent or null) in the
 * document's order, each field's own problems, the output against the inputs and the task, the settings.
 */
function definitionProblems(body: unknown, fieldIssues: ApiErrorDetail[]): ApiErrorDetail[] {
  if (!isObject(body)) return fieldIssues;
  const missing = REQUIRED_DEFINITION_FIELDS.filter((key) => body[key] === undefined || body[key] === null).map((key) => detail([key], "field required"));
  const isMissing = (d: ApiErrorDetail) => d.path.length === 1 && d.message === "field required";
  const own = fieldIssues.filter((d) => !isMissing(d) && d.path[0] !== "settings");
  const settings = fieldIssues.filter((d) => d.path[0] === "settings");
  return [...missing, ...own, ...outputProblems(body), ...settings, ...settingsNameAndValueProblems(body.settings)];
}

function listed(details: ApiErrorDetail[]): ApiErrorDetail[] {
  if (details.length <= MAX_DEFINITION_PROBLEMS) return details;
  return [...details.slice(0, MAX_DEFINITION_PROBLEMS), detail([], `… and ${count(details.length - MAX_DEFINITION_PROBLEMS)} more problems`)];
}

/** Validates a loop definition: each field against its schema (schemas.ts), then what spans fields; every problem listed. */
export function parseDefinition(body: unknown): DefinitionResult {
  const parsed = definitionSchema.safeParse(body);
  const problems = definitionProblems(body, parsed.success ? [] : zodDetails(parsed.error));
  if (!parsed.success || problems.length) {
    const missing = !isObject(body) || REQUIRED_DEFINITION_FIELDS.some((key) => body[key] === undefined || body[key] === null);
    const details = listed(problems);
    return { ok: false, status: missing ? 400 : 422, details, problems: details.map(describeDetail) };
  }
  // Checked above: the maps and the settings are objects of the right values.
  const { name, task_type, input_schema, output_schema, settings } = parsed.data as typeof parsed.data & {
    input_schema: Record<string, FieldType>;
    output_schema: Record<string, FieldType>;
    settings?: Partial<LearnerSettings>;
  };
  return { ok: true, definition: { name, task_type, input_schema: { ...input_schema }, output_schema: { ...output_schema }, settings: { ...settings } } };
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
