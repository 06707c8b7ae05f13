import type { ApiErrorDetail } from "@/lib/http/errors";
import { hookUrlProblems } from "../create";
import { parseRequestBody, type RequestParams, type RequestType } from "../request-types";

// The checks of POST /v1/requests/<type>, row by row (server side: hook URLs are checked against the
// server's address policy).

export type RowCheck = { ok: true; params: RequestParams } | { ok: false; errors: ApiErrorDetail[] };

export function checkRow(type: RequestType, body: unknown): RowCheck {
  const parsed = parseRequestBody(type, body);
  if (!parsed.ok) return parsed;
  const problems = hookUrlProblems(parsed.params);
  return problems.length ? { ok: false, errors: problems } : parsed;
}

/** The rows that fail, by their position in `bodies`, each with every problem the API would answer. */
export function rowProblems(type: RequestType, bodies: readonly unknown[]): { index: number; errors: ApiErrorDetail[] }[] {
  const out: { index: number; errors: ApiErrorDetail[] }[] = [];
  bodies.forEach((body, index) => {
    const checked = checkRow(type, body);
    if (!checked.ok) out.push({ index, errors: checked.errors });
  });
  return out;
}
