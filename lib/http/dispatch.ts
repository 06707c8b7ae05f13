import type { RouteMatch } from "./router";
import type { ApiRequest, ApiResponse } from "./types";

/** Largest request body an API handler accepts (API_BODY_LIMIT_BYTES, default 10 MiB); larger gets 413. */
export const API_BODY_LIMIT = Number(process.env.API_BODY_LIMIT_BYTES ?? 10 * 1024 * 1024);

/**
 * Runs a matched route: 405 (in the family's shape) when the path exists without this method, 413
 * when the body was over the limit, otherwise the handler.
 */
export async function respond(
  match: RouteMatch,
  request: Omit<ApiRequest, "params" | "body">,
  body: Buffer | "too-large",
  bodyLimit = API_BODY_LIMIT,
): Promise<ApiResponse> {
  if (match.kind === "method-not-allowed") {
    const response = match.route.errorResponse(405, `${request.method} is not allowed here; use ${match.allowed.join(", ")}.`);
    return { ...response, headers: { ...response.headers, allow: match.allowed.join(", ") } };
  }
  if (body === "too-large") {
    const response = match.route.errorResponse(413, `The request body is larger than the limit of ${bodyLimit} bytes.`);
    return { ...response, headers: { ...response.headers, connection: "close" } };
  }
  // Not a spread: the fast path's signal is a getter that creates its AbortController only when a
  // handler asks for it (long polls), so ordinary requests do not pay for one.
  const { method, path, query, headers } = request;
  return match.handle({ method, path, query, headers, get signal() { return request.signal; }, body, params: match.params });
}

/** The body limit for a matched route: its own (uploads) or the adapter's. */
export function bodyLimitFor(match: RouteMatch, fallback: number): number {
  return match.route.bodyLimit?.() ?? fallback;
}

/** JSON text, or the bytes of a binary response (a Buffer body, sent with the handler's content-type). */
export function serialiseBody(response: ApiResponse): string | Buffer | undefined {
  if (response.body === undefined) return undefined;
  if (Buffer.isBuffer(response.body)) return response.body;
  return JSON.stringify(response.body);
}
