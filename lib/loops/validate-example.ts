import { getOwn } from "./own-record";
import type { FieldProblem, FieldType, LoopSpec } from "./types";
import { isUsableNumber, MAX_ABS_NUMBER } from "./value-kind";

/**
 * Per-row validation (§1): a value whose JSON type contradicts the schema is a problem, never coerced,
 * and a row with any problem is skipped whole, so it never touches the state. Missing inputs (absent or
 * null) are fine: they are mean-imputed or have no active column. Nested object leaves are not checked
 * here: their kinds are fixed by the learner at first sight, and a later mismatch counts as missing.
 */
export function validateExample(spec: LoopSpec, row: unknown, options: { requireOutput: boolean }): FieldProblem[] {
  if (row === null || typeof row !== "object" || Array.isArray(row)) {
    return [{ field: "", message: `expected an object of fields, got ${describe(row)}` }];
  }
  const record = row as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const outputName = spec.output.name;
  for (const name of Object.keys(spec.input_schema)) {
    if (name === outputName) continue;
    const value = getOwn(record, name);
    if (value === undefined || value === null) continue;
    const message = typeProblem(spec.input_schema[name]!, value);
    if (message !== null) problems.push({ field: name, message });
  }
  if (options.requireOutput) {
    const value = getOwn(record, outputName);
    if (value === undefined || value === null) problems.push({ field: outputName, message: "missing output value" });
    else {
      const message = typeProblem(spec.output.type, value);
      if (message !== null) problems.push({ field: outputName, message });
    }
  }
  for (const name of Object.keys(record)) {
    // The output may ride along in a /predict/ row; it is ignored there.
    if (name !== outputName && !Object.hasOwn(spec.input_schema, name)) problems.push({ field: name, message: "unknown field" });
  }
  return problems;
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
  const expected = (ok: boolean) => (ok ? null : `expected ${type}, got ${describe(value)}`);
  switch (type) {
    case "integer":
    case "float":
      if (typeof value !== "number") return expected(false);
      if (!Number.isFinite(value)) return `expected ${type}, got ${describe(value)}`;
      if (Math.abs(value) > MAX_ABS_NUMBER) return `number out of range (magnitude above ${MAX_ABS_NUMBER})`;
      return expected(type === "float" || Number.isInteger(value));
    case "boolean":
      return expected(typeof value === "boolean");
    case "string":
      return expected(typeof value === "string");
    case "object":
      return expected(typeof value === "object" && value !== null && !Array.isArray(value));
    case "array": {
      if (!Array.isArray(value)) return expected(false);
      // The schema says only "array"; the encoding needs all strings (multi-hot) or all numbers (len/mean).
      if (value.every((x) => typeof x === "string") || value.every(isUsableNumber)) return null;
      return "expected an array of strings or an array of numbers";
    }
  }
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
