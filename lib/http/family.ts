import type { z } from "zod";
import { BodyTooLargeError } from "./dispatch";
import { ApiError, zodDetails, type ApiErrorDetail } from "./errors";
import type { ApiHandler, ApiRequest, ApiResponse } from "./types";

export type AuthOutcome<A> = { ok: true; auth: A } | { ok: false; message: string };

/** One API family (loops, models, tasks, …): how it authenticates and how its errors look. */
export interface ApiFamily<A> {
  name: string;
  authenticate(request: ApiRequest): Promise<AuthOutcome<A>>;
  errorBody(status: number, message: string, details: ApiErrorDetail[]): unknown;
  /** Status for a body or query that fails its schema (the families' documents differ). */
  validationStatus: 400 | 422;
}

export interface RouteDefinition {
  method: string;
  /** `/model/:model_id/upload`; matched with or without a trailing slash. */
  path: string;
  handle: ApiHandler;
  /** Renders a router-level error (405) in the family's shape. */
  errorResponse(status: number, message: string): ApiResponse;
  /** Largest body this route accepts, when it differs from the adapters' API_BODY_LIMIT (uploads). */
  bodyLimit?: () => number;
  /** The adapters hand the handler the body as a stream (ApiRequest.bodyStream), not a buffer. */
  streamBody?: boolean;
}

export interface RouteContext<A, B, Q> {
  request: ApiRequest;
  auth: A;
  body: B;
  query: Q;
}

interface RouteSpec<B, Q> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** Parse the body as JSON against this schema. */
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  /** Routes are authenticated unless this is false. */
  public?: boolean;
  /** Largest request body for this route, instead of API_BODY_LIMIT (read when the request arrives). */
  bodyLimit?: () => number;
  /**
   * Hand the handler the body as it arrives (`request.bodyStream`) instead of buffering it first:
   * for large uploads written straight to disk. Needs its own `bodyLimit`; not with `body`.
   */
  streamBody?: boolean;
}

function parseJson(request: ApiRequest): unknown {
  const text = request.body.toString("utf8");
  if (!text.trim()) throw new ApiError(400, "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

export function errorResponse<A>(family: ApiFamily<A>, error: ApiError): ApiResponse {
  return { status: error.status, headers: error.headers, body: family.errorBody(error.status, error.message, error.details) };
}

/**
 * Wraps a handler with the family's authentication, parsing and error mapping, so the handler
 * reads like the operation it performs. Anything unexpected is a 500 with a generic message; the
 * details go to the log only.
 */
export function defineRoute<A, B = undefined, Q = undefined>(
  family: ApiFamily<A>,
  spec: RouteSpec<B, Q>,
  handler: (context: RouteContext<A, B, Q>) => Promise<ApiResponse>,
): RouteDefinition {
  if (spec.streamBody && (spec.body || !spec.bodyLimit)) throw new Error(`${spec.method} ${spec.path}: a streamBody route needs its own bodyLimit and no JSON body schema`);
  const handle: ApiHandler = async (request) => {
    try {
      let auth = undefined as A;
      if (!spec.public) {
        const outcome = await family.authenticate(request);
        if (!outcome.ok) throw new ApiError(401, outcome.message);
        auth = outcome.auth;
      }
      let body = undefined as B;
      if (spec.body) {
        const parsed = spec.body.safeParse(parseJson(request));
        if (!parsed.success) throw new ApiError(family.validationStatus, "The request body is invalid.", zodDetails(parsed.error));
        body = parsed.data;
      }
      let query = undefined as Q;
      if (spec.query) {
        const parsed = spec.query.safeParse(queryObject(request.query));
        if (!parsed.success) throw new ApiError(family.validationStatus, "The query string is invalid.", zodDetails(parsed.error));
        query = parsed.data;
      }
      return await handler({ request, auth, body, query });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(family, error);
      if (error instanceof BodyTooLargeError) return errorResponse(family, new ApiError(413, error.message, [], { connection: "close" }));
      console.error(`[${family.name}] ${spec.method} ${spec.path} failed`, error);
      return errorResponse(family, new ApiError(500, "Internal server error; the failure has been logged."));
    }
  };
  return {
    method: spec.method,
    path: spec.path,
    handle,
    errorResponse: (status, message) => errorResponse(family, new ApiError(status, message)),
    bodyLimit: spec.bodyLimit,
    streamBody: spec.streamBody === true,
  };
}
