import { isUsableNumber, MAX_ABS_NUMBER } from "./learner/features/value-kind";
import {
  count,
  fieldLabel,
  MAX_ARRAY_LENGTH,
  MAX_FIELD_NAME_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_OBJECT_DEPTH,
  MAX_OBJECT_LEAVES,
  MAX_PROBLEMS_PER_ROW,
  MAX_ROW_VALUES,
  MAX_STRING_LENGTH,
  quoted,
} from "./limits";
import type { FieldProblem, FieldType, LoopSpec } from "./types";

/**
 * Per-row validation (docs/loops-learner.md §1): a value whose JSON type contradicts the schema is a problem, never coerced,
 * and a row with any problem is skipped whole, so it never touches the state. Missing inputs (absent or
 * null) are fine: they are mean-imputed or have no active column. Nested object leaves are not checked
 * here: their kinds are fixed by the learner at first sight, and a later mismatch counts as missing.
 * Sizes are checked everywhere, nested values included (limits.ts): a value past a limit is a problem.
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
  const size = rowSize;
  size.values = 0;
  size.leaves = 0;
  size.partial = false;
  for (let j = 0; j < schema.names.length; j++) {
    const value = inputs[j];
    if (value === undefined || value === null) continue;
    size.values += 1;
    const type = schema.types[j]!;
    const message = typeProblem(type, value) ?? (typeof value === "string" || typeof value === "object" ? sizeProblem(schema.names[j]!, value as string | object, size, report) : null);
    if (message !== null) report(schema.names[j]!, message);
  }
  if (size.values > MAX_ROW_VALUES) {
    report("", `the row holds ${size.partial ? "more than " : ""}${count(size.partial ? MAX_ROW_VALUES : size.values)} values (fields, array elements and object leaves); the limit is ${count(MAX_ROW_VALUES)}`);
  }
  if (options.requireOutput) {
    if (output === undefined || output === null) report(schema.output, "missing output value");
    else {
      const message = typeProblem(spec.output.type, output) ?? labelProblem(output);
      if (message !== null) report(schema.output, message);
    }
  }
  // The output may ride along in a /predict/ row; it is ignored there.
  for (let i = 0; i < keys.length; i++) if (slots[i] === UNKNOWN) report(fieldLabel(keys[i]!), "unknown field");
  return { problems: problems === null ? (NO_PROBLEMS as FieldProblem[]) : capped(problems), names: schema.names, inputs, output };
}

/** A row of many bad fields lists the first few problems and how many more there were. */
function capped(problems: FieldProblem[]): FieldProblem[] {
  if (problems.length <= MAX_PROBLEMS_PER_ROW) return problems;
  const more = problems.length - MAX_PROBLEMS_PER_ROW;
  return [...problems.slice(0, MAX_PROBLEMS_PER_ROW), { field: "", message: `… and ${count(more)} more problems` }];
}

// ---------------------------------------------------------------------------------------------------
// Sizes (limits.ts)

/** What one row holds so far: its values (fields, array elements, object leaves) and object leaves. */
interface RowSize {
  values: number;
  leaves: number;
  /** An object was not walked to its end: values holds what was counted when the limit was passed. */
  partial: boolean;
}

/** Scratch for the row being read (reading is synchronous). */
const rowSize: RowSize = { values: 0, leaves: 0, partial: false };

type Report = (field: string, message: string) => void;

const stringTooLong = (length: number) => `string of ${count(length)} characters; the limit is ${count(MAX_STRING_LENGTH)}`;
const arrayTooLong = (length: number) => `array of ${count(length)} elements; the limit is ${count(MAX_ARRAY_LENGTH)}`;

/**
 * The size problem of a field's value of the right type, or null. An object's own problems, found at
 * some path inside it, are reported there (and null is returned).
 */
function sizeProblem(field: string, value: string | object, size: RowSize, report: Report): string | null {
  if (typeof value === "string") return value.length > MAX_STRING_LENGTH ? stringTooLong(value.length) : null;
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_LENGTH) return arrayTooLong(value.length);
    size.values += value.length;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (typeof element === "string" && element.length > MAX_STRING_LENGTH) return `element ${i}: ${stringTooLong(element.length)}`;
    }
    return null;
  }
  const problem = nestedProblem(field, value, size);
  if (problem !== null) report(problem.path, problem.message);
  return null;
}

/**
 * The first size problem inside an object field's value, with its dotted path, or null: nesting
 * (objects and arrays) deeper than MAX_OBJECT_DEPTH, more object leaves in the row than
 * MAX_OBJECT_LEAVES, and keys, strings and arrays past their limits. Walked with a stack, not
 * recursion, so a deep value cannot exhaust the call stack; each node is visited once.
 */
function nestedProblem(field: string, root: object, size: RowSize): { path: string; message: string } | null {
  const stack: { node: object; path: string; depth: number }[] = [{ node: root, path: field, depth: 1 }];
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_OBJECT_DEPTH) return { path: fieldLabel(path), message: `nested deeper than ${MAX_OBJECT_DEPTH} levels (the limit)` };
    const inArray = Array.isArray(node);
    if (inArray && node.length > MAX_ARRAY_LENGTH) return { path: fieldLabel(path), message: arrayTooLong(node.length) };
    const keys = inArray ? null : Object.keys(node);
    const n = inArray ? node.length : keys!.length;
    for (let i = 0; i < n; i++) {
      const key = keys === null ? "" : keys[i]!;
      if (key.length > MAX_FIELD_NAME_LENGTH) {
        return { path: fieldLabel(path), message: `the key ${quoted(key)} has ${count(key.length)} characters; the limit is ${count(MAX_FIELD_NAME_LENGTH)}` };
      }
      const child: unknown = keys === null ? (node as unknown[])[i] : (node as Record<string, unknown>)[key];
      // An object's non-object values are its leaves (features of their own); everything counts as a value.
      if (!inArray && (child === null || typeof child !== "object" || Array.isArray(child))) {
        size.leaves += 1;
        size.values += 1;
        if (size.leaves > MAX_OBJECT_LEAVES) return { path: fieldLabel(pathOf(path, inArray, i, key)), message: `more than ${count(MAX_OBJECT_LEAVES)} object leaves in the row (the limit)` };
      } else if (inArray) size.values += 1;
      if (typeof child === "string" && child.length > MAX_STRING_LENGTH) return { path: fieldLabel(pathOf(path, inArray, i, key)), message: stringTooLong(child.length) };
      if (typeof child === "object" && child !== null) stack.push({ node: child, path: pathOf(path, inArray, i, key), depth: depth + 1 });
    }
    if (size.values > MAX_ROW_VALUES) {
      size.partial = true; // reported for the whole row
      return null;
    }
  }
  return null;
}

/** The path of an object's key or an array's element. */
function pathOf(path: string, inArray: boolean, i: number, key: string): string {
  return inArray ? `${path}[${i}]` : `${path}.${key}`;
}

/** A class label (string outputs) long enough to weigh on every prediction's probabilities. */
function labelProblem(label: unknown): string | null {
  if (typeof label !== "string" || label.length <= MAX_LABEL_LENGTH) return null;
  return `a label of ${count(label.length)} characters; the limit is ${count(MAX_LABEL_LENGTH)}`;
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
