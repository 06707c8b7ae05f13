import type { ApiErrorDetail } from "@/lib/http/errors";
import { REQUEST_KINDS, type AnswerByType, type ParamsByType, type RequestType } from "./request-types";

export type AnswerResult<A> = { ok: true; answer: A } | { ok: false; errors: ApiErrorDetail[] };

/**
 * Checks one cruncher's answer against the request's (normalised) params and returns it normalised:
 * trimmed text, choices in list order, ratings snapped to the grid, annotation fields in document
 * order. Problem paths are relative to the answer ([] = the whole answer, [2, "x"] = third mark's x).
 */
export function validateAnswer<T extends RequestType>(type: T, params: ParamsByType[T], answer: unknown): AnswerResult<AnswerByType[T]> {
  const checked = REQUEST_KINDS[type].validateAnswer(params, answer);
  return checked.ok ? { ok: true, answer: checked.value } : { ok: false, errors: checked.errors };
}
