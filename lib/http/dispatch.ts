import { Readable } from "node:stream";
import { servedOverHttps } from "./client-address";
import { BodyTooLargeError, bodyTooLargeMessage } from "./errors";
import type { RouteMatch } from "./router";
import { apiSecurityHeaders } from "./security-headers";
import type { ApiRequest, ApiResponse, HeaderBag } from "./types";

/** What an adapter knows of a request before the route runs. `signal` may be a lazy getter. */
export type RequestHead = Omit<ApiRequest, "params" | "body" | "bodyStream">;

/**
 * The request a handler receives. A class, not an object literal with `get signal()`: a literal
 * whose getter is a fresh closure gets hidden-class data of its own in the old generation, which
 * keeps the closure, and through it the whole request, alive through every scavenge until the next
 * mark-compact (measured at about 4 kB promoted per request, a third of the fast path's throughput).
 * The signal stays lazy: the adapter's head creates it only when a handler reads it.
 */
class RouteRequest implements ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: HeaderBag;

  constructor(
    private readonly head: RequestHead,
    readonly body: Buffer,
    readonly params: Record<string, string>,
    readonly bodyStream?: Readable,
  ) {
    this.method = head.method;
    this.path = head.path;
    this.query = head.query;
    this.headers = head.headers;
  }

  get signal(): AbortSignal {
    return this.head.signal;
  }
}

/** Largest request body an API handler accepts (API_BODY_LIMIT_BYTES, default 10 MiB); larger gets 413. */
export const API_BODY_LIMIT = Number(process.env.API_BODY_LIMIT_BYTES ?? 10 * 1024 * 1024);

/**
 * Runs a matched route: 405 (in the family's shape) when the path exists without this method, 413
 * when the body was over the limit, otherwise the handler.
 */
export async function respond(
  match: RouteMatch,
  request: RequestHead,
  body: Buffer | "too-large",
  bodyLimit = API_BODY_LIMIT,
): Promise<ApiResponse> {
  if (match.kind === "method-not-allowed") {
    const response = match.route.errorResponse(405, `${request.method} is not allowed here; use ${match.allowed.join(", ")}.`);
    return { ...response, headers: { ...response.headers, allow: match.allowed.join(", ") } };
  }
  if (body === "too-large") {
    const response = match.route.errorResponse(413, bodyTooLargeMessage(bodyLimit));
    return { ...response, headers: { ...response.headers, connection: "close" } };
  }
  if (match.undecodable) return undecodableResponse(match);
  return match.handle(new RouteRequest(request, body, match.params));
}

type FoundMatch = Extract<RouteMatch, { kind: "found" }>;
const NO_BODY = Buffer.alloc(0);

/** Runs a matched `streamBody` route with the body as a stream (see ApiRequest.bodyStream). */
export async function respondStreamed(match: FoundMatch, request: RequestHead, bodyStream: Readable): Promise<ApiResponse> {
  if (match.undecodable) return undecodableResponse(match);
  return match.handle(new RouteRequest(request, NO_BODY, match.params, bodyStream));
}

function undecodableResponse(match: FoundMatch): ApiResponse {
  return match.route.errorResponse(400, `The path parameter ${match.undecodable} is not valid percent-encoded UTF-8.`);
}

/**
 * The source's bytes, failing with BodyTooLargeError once more than `limit` have arrived (and with
 * the source's own error if it fails). Nothing is read from the source until the result is read, so
 * a handler that answers without reading (401, 404) leaves the body to be drained or discarded.
 */
export function limitBody(source: Readable, limit: number): Readable {
  let seen = 0;
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) limited.destroy(new BodyTooLargeError(limit));
    else if (!limited.push(chunk)) source.pause();
  };
  const onEnd = () => limited.push(null);
  const limited = new Readable({
    read: () => {
      source.resume();
    },
    destroy: (error, callback) => {
      source.off("data", onData);
      source.off("end", onEnd);
      source.pause();
      callback(error);
    },
  });
  // A reader sees a failure through its own means (a listener, for await); this one keeps a body that
  // fails while no one reads it (the handler is busy or has answered) from crashing the process.
  limited.on("error", () => {});
  // Stays attached: a source failing after the limit was reached must not crash the process either.
  source.on("error", (error) => limited.destroy(error));
  // A client that goes away mid-body: the reader must not wait for an end that never comes.
  source.on("close", () => {
    if (!source.readableEnded) limited.destroy(new Error("the request body ended early"));
  });
  source.on("end", onEnd);
  source.on("data", onData);
  source.pause();
  return limited;
}

/** The body limit for a matched route: its own (uploads) or the adapter's. */
export function bodyLimitFor(match: RouteMatch, fallback: number): number {
  return match.route.bodyLimit?.() ?? fallback;
}

/** The security headers of every API answer (lib/http/security-headers.ts), under the handler's own. */
export function withApiSecurityHeaders(requestHeaders: HeaderBag, headers: Record<string, string>): Record<string, string> {
  return Object.assign({}, apiSecurityHeaders(servedOverHttps(requestHeaders)), headers);
}

/**
 * What an adapter answers when a route failed outside its handler's own error mapping (the answer
 * could not be serialised, the body stream broke): a 500 in the route's family's shape.
 */
export function internalErrorResponse(match: RouteMatch | null): ApiResponse {
  const message = "Internal server error; the failure has been logged.";
  return match ? match.route.errorResponse(500, message) : { status: 500, body: { error: "internal_error", message } };
}

/** JSON text, or the bytes of a binary response (a Buffer or Readable body, sent with the handler's content-type). */
export function serialiseBody(response: ApiResponse): string | Buffer | Readable | undefined {
  if (response.body === undefined) return undefined;
  if (Buffer.isBuffer(response.body) || response.body instanceof Readable) return response.body;
  return JSON.stringify(response.body);
}
