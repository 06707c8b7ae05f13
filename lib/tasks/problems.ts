import type { ZodError } from "zod";
import { zodDetails, type ApiErrorDetail } from "@/lib/http/errors";

// Problems with a request body or an answer are the HTTP layer's ApiErrorDetail, so a handler passes
// the list straight to `new ApiError(400, message, problems)`. No server-only imports: the dashboard
// runs the same checks in the browser.

/** Field names and array indexes, e.g. ["per_annotation", "choices", 2]. */
export type ProblemPath = ApiErrorDetail["path"];

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: ApiErrorDetail[] };

export const problem = (path: ProblemPath, message: string, type = "custom"): ApiErrorDetail => ({ path, message, type });
export const fail = <T>(at: ProblemPath, message: string, type = "custom"): Checked<T> => ({ ok: false, errors: [problem(at, message, type)] });
export const missing = <T>(at: ProblemPath): Checked<T> => fail(at, "Required.", "missing");

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

/**
 * The shared zod conversion (zodDetails) in the tasks API's words: an absent field is "Required."
 * and each unknown key is its own "unknown_parameter" problem, so every typo is named.
 */
export function zodProblems(error: ZodError, input: unknown): ApiErrorDetail[] {
  const details = zodDetails(error);
  return error.issues.flatMap((issue, i) => {
    const detail = details[i]!;
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => problem([...detail.path, key], "Unknown parameter.", "unknown_parameter"));
    }
    return valueAt(input, issue.path) === undefined ? [problem(detail.path, "Required.", "missing")] : [detail];
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
