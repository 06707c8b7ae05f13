import type { ZodError } from "zod";

/**
 * One thing wrong with a request body or an answer. Same shape as the HTTP layer's ApiErrorDetail,
 * so a handler passes the list straight to `new ApiError(400, message, problems)`.
 */
export interface TaskProblem {
  /** Field names and array indexes, e.g. ["per_annotation", "choices", 2]. */
  path: (string | number)[];
  message: string;
  /** Machine-readable kind: "missing", "unknown_parameter", "invalid_type", "too_small", "custom"… */
  type: string;
}

export type ProblemPath = TaskProblem["path"];

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: TaskProblem[] };

export const problem = (path: ProblemPath, message: string, type = "custom"): TaskProblem => ({ path, message, type });

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Zod issues as problems; unknown keys become one problem each so every typo is named. */
export function zodProblems(error: ZodError, input: unknown, prefix: ProblemPath = []): TaskProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => problem([...prefix, ...path, key], "Unknown parameter.", "unknown_parameter"));
    }
    const missing = valueAt(input, issue.path) === undefined;
    return [problem([...prefix, ...path], missing ? "Required." : issue.message, missing ? "missing" : issue.code)];
  });
}

/** An absolute http: or https: URL with a host. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * A phone attachment: `dial:<number>[@<tones>]`. The number may carry +, spaces, dashes, dots and
 * parentheses; tones are DTMF digits (0-9 * # A-D) with `w` for a half-second wait.
 */
export function parseDialAttachment(value: string): { number: string; tones: string } | null {
  const match = /^dial:(\+?[\d\s().-]+?)(?:@([0-9A-Da-d*#wW]+))?$/.exec(value.trim());
  if (!match) return null;
  const number = match[1]!.replace(/[\s().-]/g, "");
  if (!/^\+?\d{3,20}$/.test(number)) return null;
  return { number, tones: match[2] ?? "" };
}
