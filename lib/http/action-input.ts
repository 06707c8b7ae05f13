import { jsonValueProblem } from "./json-body";

/**
 * Server actions take arguments a client can forge, like any request body: the same rules apply
 * (no NUL, no lone surrogates, no non-finite numbers, bounded nesting). The problem in words, or null.
 */
export function actionInputProblem(...args: unknown[]): string | null {
  const found = jsonValueProblem(args);
  if (!found) return null;
  const where = found.path.slice(1).join(".");
  return where ? `${where}: ${found.message}` : found.message;
}
