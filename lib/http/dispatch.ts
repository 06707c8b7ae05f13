import type { ApiRouter } from "./router";
import type { ApiRequest, ApiResponse } from "./types";

/** Largest request body an API handler accepts (API_BODY_LIMIT_BYTES, default 10 MiB); larger gets 413. */
export const API_BODY_LIMIT = Number(process.env.API_BODY_LIMIT_BYTES ?? 10 * 1024 * 1024);

export function bodyTooLarge(limit: number): string {
  return `The request body is larger than the limit of ${limit} bytes.`;
}

/** Runs the matching handler; null when the path is not an API path (the caller falls through to pages). */
export async function dispatch(router: ApiRouter, request: Omit<ApiRequest, "params">): Promise<ApiResponse | null> {
  const match = router.match(request.method, request.path);
  if (!match) return null;
  if (match.kind === "method-not-allowed") {
    const response = match.route.errorResponse(405, `${request.method} is not allowed here; use ${match.allowed.join(", ")}.`);
    return { ...response, headers: { ...response.headers, allow: match.allowed.join(", ") } };
  }
  return match.handle({ ...request, params: match.params });
}

export function serialiseBody(response: ApiResponse): string | undefined {
  return response.body === undefined ? undefined : JSON.stringify(response.body);
}
