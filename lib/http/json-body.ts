import { ApiError, type ApiErrorDetail } from "./errors";

/**
 * JSON bodies are checked once, before any handler sees them, for what no handler should have to
 * think about: nesting deeper than anything the APIs use (a recursive walk further on could
 * overflow the stack), NUL characters (Postgres refuses them in text and jsonb), lone UTF-16
 * surrogates (not text; Postgres refuses them in jsonb) and numbers JSON.parse turned into
 * Infinity (`1e309`). The walk is iterative, so its own depth is not the limit.
 */

export const MAX_JSON_DEPTH = 64;

type Path = (string | number)[];

/** Why a string cannot be stored as text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character (\\u0000), which text cannot hold";
  if (!value.isWellFormed()) return "contains a lone UTF-16 surrogate, which is not text";
  return null;
}

interface Pending {
  value: unknown;
  depth: number;
  key: string | number;
  parent: Pending | null;
}

/** A pending value's path, built only when it is reported. */
function pathOf(entry: Pending): Path {
  const path: Path = [];
  for (let at: Pending | null = entry; at?.parent; at = at.parent) path.unshift(at.key);
  return path;
}

function problem(path: Path, message: string, type: string): ApiErrorDetail {
  return { path, message, type };
}

/** A scalar's problem, or null (objects and arrays are walked, not judged here). */
function scalarProblem(value: unknown): { message: string; type: string } | null {
  if (typeof value === "string") {
    const message = textProblem(value);
    return message ? { message, type: "invalid_text" } : null;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return { message: "is a number too large to represent (non-finite numbers are refused)", type: "non_finite_number" };
  return null;
}

/** The first problem found in a parsed JSON value, located by its path; null when there is none. */
export function jsonValueProblem(root: unknown): ApiErrorDetail | null {
  const top = scalarProblem(root);
  if (top) return problem([], top.message, top.type);
  if (root === null || typeof root !== "object") return null;
  // Scalars are judged where they are met; only containers are pushed (most values are scalars).
  const stack: Pending[] = [{ value: root, depth: 1, key: "", parent: null }];
  while (stack.length) {
    const entry = stack.pop()!;
    if (entry.depth > MAX_JSON_DEPTH) return problem(pathOf(entry).slice(0, 8), `nesting is deeper than ${MAX_JSON_DEPTH} levels`, "too_deep");
    const container = entry.value as Record<string, unknown> | unknown[];
    const keys: (string | number)[] | null = Array.isArray(container) ? null : Object.keys(container);
    const count = keys ? keys.length : (container as unknown[]).length;
    for (let i = 0; i < count; i++) {
      const key = keys ? keys[i]! : i;
      if (keys) {
        const message = textProblem(key as string);
        if (message) return problem([...pathOf(entry), key], `the field name ${message}`, "invalid_text");
      }
      const child = keys ? (container as Record<string, unknown>)[key as string] : (container as unknown[])[i];
      if (child !== null && typeof child === "object") stack.push({ value: child, depth: entry.depth + 1, key, parent: entry });
      else {
        const found = scalarProblem(child);
        if (found) return problem([...pathOf(entry), key], found.message, found.type);
      }
    }
  }
  return null;
}

/**
 * Without a `\u` escape in the text no string can hold a NUL or a lone surrogate: JSON.parse refuses
 * raw control characters, and decoding UTF-8 never yields a lone surrogate (bad bytes become U+FFFD).
 * Then one pass that allocates nothing says whether the value nests too deeply or holds a number that
 * overflowed, and the full walk (which allocates to locate the problem) runs only when it does: on a
 * 1,000-row /train/ batch that is about a tenth of the cost of JSON.parse instead of three quarters.
 */
const mayHoldBadText = (text: string) => text.includes("\\u");

/** Whether the value nests deeper than `remaining` levels or holds a non-finite number (recursion bounded by MAX_JSON_DEPTH + 1 frames). */
function suspectValue(value: object, remaining: number): boolean {
  if (remaining === 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (suspectChild(value[i], remaining)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) if (suspectChild(record[key], remaining)) return true;
  return false;
}

function suspectChild(child: unknown, remaining: number): boolean {
  if (typeof child === "number") return !Number.isFinite(child);
  return child !== null && typeof child === "object" && suspectValue(child, remaining - 1);
}

/**
 * The first problem of a value JSON.parse made of `text`, as jsonValueProblem finds it: the cheap
 * first pass only says whether there is one, and the full walk, which locates it, runs only then.
 */
export function parsedJsonProblem(text: string, value: unknown): ApiErrorDetail | null {
  const suspect = mayHoldBadText(text) || suspectChild(value, MAX_JSON_DEPTH + 1);
  return suspect ? jsonValueProblem(value) : null;
}

/**
 * The body as JSON: 400 when it is empty or malformed, and `status` (the family's validation status)
 * naming the place when it holds something that cannot be stored or is nested too deeply.
 */
export function parseJsonBody(body: Buffer, status: number): unknown {
  const text = body.toString("utf8");
  if (!text.trim()) throw new ApiError(400, "The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
  const found = parsedJsonProblem(text, value);
  if (found) throw new ApiError(status, "The request body holds a value that cannot be accepted.", [found]);
  return value;
}

/** Path parameters and query values: the same text rules as body strings. */
export function textInputProblem(values: Iterable<[string, string]>, where: "path" | "query"): ApiErrorDetail | null {
  for (const [name, value] of values) {
    const message = textProblem(value);
    if (message) return problem([where, name], message, "invalid_text");
  }
  return null;
}
