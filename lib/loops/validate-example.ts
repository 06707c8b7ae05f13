import type { FieldProblem, FieldType, LoopSpec } from "./types";
import { isUsableNumber, MAX_ABS_NUMBER } from "./value-kind";

/**
 * Per-row validation (§1): a value whose JSON type contradicts the schema is a problem, never coerced,
 * and a row with any problem is skipped whole, so it never touches the state. Missing inputs (absent or
 * null) are fine: they are mean-imputed or have no active column. Nested object leaves are not checked
 * here: their kinds are fixed by the learner at first sight, and a later mismatch counts as missing.
 */
export function validateExample(spec: LoopSpec, row: unknown, options: { requireOutput: boolean }): FieldProblem[] {
  const { problems } = readExample(spec, row, options);
  return problems.length ? problems : [];
}

/**
 * A row read once for validation and learning: its problems, and its input values by the schema's
 * input fields (`names`, the schema's order) and its output value. `inputs` is scratch space shared by
 * every read of this spec: valid until the next readExample.
 */
export interface ExampleRead {
  problems: FieldProblem[];
  names: readonly string[];
  inputs: readonly unknown[];
  output: unknown;
}

const NO_PROBLEMS: readonly FieldProblem[] = Object.freeze([]);

export function readExample(spec: LoopSpec, row: unknown, options: { requireOutput: boolean }): ExampleRead {
  if (row === null || typeof row !== "object" || Array.isArray(row)) {
    return { problems: [{ field: "", message: `expected an object of fields, got ${describe(row)}` }], names: [], inputs: [], output: undefined };
  }
  const record = row as Record<string, unknown>;
  const schema = compiled(spec);
  // The row's own keys, each sorted into an input slot, the output, or unknown. Rows of one batch (and
  // one client) usually share their key list, so its sorting is reused while it repeats.
  const keys = Object.keys(record);
  let slots = schema.lastSlots;
  if (!sameKeys(keys, schema.lastKeys)) {
    slots = keys.map((key) => (key === schema.output ? OUTPUT : (schema.slot.get(key) ?? UNKNOWN)));
    schema.lastKeys = keys;
    schema.lastSlots = slots;
  }
  const values = Object.values(record);
  const inputs = schema.values;
  inputs.fill(undefined);
  let output: unknown = undefined;
  for (let i = 0; i < values.length; i++) {
    const slot = slots[i]!;
    if (slot >= 0) inputs[slot] = values[i];
    else if (slot === OUTPUT) output = values[i];
  }

  let problems: FieldProblem[] | null = null;
  const report = (field: string, message: string) => (problems ??= []).push({ field, message });
  for (let j = 0; j < schema.names.length; j++) {
    const value = inputs[j];
    if (value === undefined || value === null) continue;
    const message = typeProblem(schema.types[j]!, value);
    if (message !== null) report(schema.names[j]!, message);
  }
  if (options.requireOutput) {
    if (output === undefined || output === null) report(schema.output, "missing output value");
    else {
      const message = typeProblem(spec.output.type, output);
      if (message !== null) report(schema.output, message);
    }
  }
  // The output may ride along in a /predict/ row; it is ignored there.
  for (let i = 0; i < keys.length; i++) if (slots[i] === UNKNOWN) report(keys[i]!, "unknown field");
  return { problems: problems ?? (NO_PROBLEMS as FieldProblem[]), names: schema.names, inputs, output };
}

const OUTPUT = -1;
const UNKNOWN = -2;

/** A spec's input fields as arrays (schema order, the output left out), compiled once per spec object. */
interface CompiledSchema {
  names: string[];
  types: FieldType[];
  output: string;
  /** Input field name → index in names; keys of input_schema named like the output are neither. */
  slot: Map<string, number>;
  /** Scratch: a row's input values by slot. */
  values: unknown[];
  lastKeys: string[];
  lastSlots: number[];
}

const schemas = new WeakMap<LoopSpec, CompiledSchema>();

function compiled(spec: LoopSpec): CompiledSchema {
  let schema = schemas.get(spec);
  if (schema === undefined || schema.output !== spec.output.name) {
    const output = spec.output.name;
    const names = Object.keys(spec.input_schema).filter((name) => name !== output);
    schema = {
      names,
      types: names.map((name) => spec.input_schema[name]!),
      output,
      slot: new Map(names.map((name, i) => [name, i])),
      values: new Array<unknown>(names.length).fill(undefined),
      lastKeys: [],
      lastSlots: [],
    };
    schemas.set(spec, schema);
  }
  return schema;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Output types each task accepts (classification labels keep their JSON type). */
export const OUTPUT_TYPES: Record<LoopSpec["task_type"], readonly FieldType[]> = {
  classification: ["string", "integer", "boolean"],
  regression: ["integer", "float"],
};

/** Problems with a loop definition itself; empty when the learner can run it. */
export function specProblems(spec: LoopSpec): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!OUTPUT_TYPES[spec.task_type].includes(spec.output.type)) {
    problems.push({ field: spec.output.name, message: `a ${spec.task_type} output must be ${OUTPUT_TYPES[spec.task_type].join(", ")}` });
  }
  if (Object.hasOwn(spec.input_schema, spec.output.name)) {
    problems.push({ field: spec.output.name, message: "the output field cannot also be an input" });
  }
  return problems;
}

function typeProblem(type: FieldType, value: unknown): string | null {
  switch (type) {
    case "integer":
    case "float":
      if (typeof value !== "number" || !Number.isFinite(value)) return mismatch(type, value);
      if (Math.abs(value) > MAX_ABS_NUMBER) return `number out of range (magnitude above ${MAX_ABS_NUMBER})`;
      return type === "float" || Number.isInteger(value) ? null : mismatch(type, value);
    case "boolean":
      return typeof value === "boolean" ? null : mismatch(type, value);
    case "string":
      return typeof value === "string" ? null : mismatch(type, value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value) ? null : mismatch(type, value);
    case "array": {
      if (!Array.isArray(value)) return mismatch(type, value);
      // The schema says only "array"; the encoding needs all strings (multi-hot) or all numbers (len/mean).
      if (value.every((x) => typeof x === "string") || value.every(isUsableNumber)) return null;
      return "expected an array of strings or an array of numbers";
    }
  }
}

function mismatch(type: FieldType, value: unknown): string {
  return `expected ${type}, got ${describe(value)}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return "infinite number";
    return Number.isInteger(value) ? "integer" : "float";
  }
  return typeof value;
}
