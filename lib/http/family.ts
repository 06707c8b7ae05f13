import type { z } from "zod";
import { ApiError, BodyTooLargeError, zodDetails, type ApiErrorDetail } from "./errors";
import { parseJsonBody, textInputProblem } from "./json-body";
import { checkSameOriginRequest } from "./same-origin";
import type { ApiHandler, ApiRequest, ApiResponse } from "./types";

/** A refusal carries its status: 401 (who are you?), 403 (not allowed), 429 (slow down, with headers). */
export type AuthOutcome<A> = { ok: true; auth: A } | { ok: false; message: string; status?: 401 | 403 | 404 | 429; headers?: Record<string, string> };

/** One API family (loops, models, tasks, the dashboard's session routes): how it authenticates and how its errors look. */
export interface ApiFamily<A, P extends string = never> {
  name: string;
  /** Who the request acts for; `access` is the route's declared permission (families with permissions). */
  authenticate(request: ApiRequest, access: P | undefined): Promise<AuthOutcome<A>>;
  errorBody(status: number, message: string, details: ApiErrorDetail[]): unknown;
  /** Status for a body or query that fails its schema (the families' documents differ). */
  validationStatus: 400 | 422;
  /**
   * Browser-session families: a request that changes state must come from the app's own pages and
   * (unless the route takes a raw body) declare its body as JSON. See lib/http/same-origin.ts.
   */
  sameOriginOnly?: boolean;
  /** The permission a route has when its definition names none (by its method: reading or writing). */
  defaultAccess?: (method: string) => P;
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
  /** What the OpenAPI description says of the route (openapi.ts). */
  doc: RouteDoc;
}

/** A route as its description needs it: the family, and the same schemas the handler parses with. */
export interface RouteDoc {
  family: string;
  public: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  /** A file upload (multipart or raw bytes), not JSON. */
  upload: boolean;
  summary?: string;
  /** The permission the route needs (families with permissions): "read" routes never answer 403. */
  access?: string;
}

export interface RouteContext<A, B, Q> {
  request: ApiRequest;
  auth: A;
  body: B;
  query: Q;
}

interface RouteSpec<B, Q, P extends string> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** The permission the caller needs, checked by the family's authentication (families with permissions). */
  access?: P;
  /** The body is bytes of the client's own type (file uploads): no JSON content-type check. */
  rawBody?: boolean;
  /** Parse the body as JSON against this schema. */
  body?: z.ZodType<B>;
  /** The body's schema for the description, when the handler parses the JSON itself (body: z.unknown()). */
  documentedBody?: z.ZodType;
  /** One line for the description; else the body schema's `.describe()`. */
  summary?: string;
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

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

export function errorResponse<A, P extends string>(family: ApiFamily<A, P>, error: ApiError): ApiResponse {
  return { status: error.status, headers: error.headers, body: family.errorBody(error.status, error.message, error.details) };
}

/**
 * Wraps a handler with the family's authentication, parsing and error mapping, so the handler
 * reads like the operation it performs. Anything unexpected is a 500 with a generic message; the
 * details go to the log only.
 */
export function defineRoute<A, B = undefined, Q = undefined, P extends string = never>(
  family: ApiFamily<A, P>,
  spec: RouteSpec<B, Q, P>,
  handler: (context: RouteContext<A, B, Q>) => Promise<ApiResponse>,
): RouteDefinition {
  if (spec.streamBody && (spec.body || !spec.bodyLimit)) throw new Error(`${spec.method} ${spec.path}: a streamBody route needs its own bodyLimit and no JSON body schema`);
  const access = spec.access ?? family.defaultAccess?.(spec.method);
  const handle: ApiHandler = async (request) => {
    try {
      if (family.sameOriginOnly) checkSameOriginRequest(request.method, request.headers, spec.streamBody ? null : request.body, spec.rawBody === true || spec.streamBody === true);
      let auth = undefined as A;
      if (!spec.public) {
        const outcome = await family.authenticate(request, access);
        if (!outcome.ok) throw new ApiError(outcome.status ?? 401, outcome.message, [], outcome.headers);
        auth = outcome.auth;
      }
      const textProblem = textInputProblem(Object.entries(request.params), "path") ?? textInputProblem(request.query.entries(), "query");
      if (textProblem) throw new ApiError(family.validationStatus, "The request's path or query holds a value that cannot be accepted.", [textProblem]);
      let body = undefined as B;
      if (spec.body) {
        const parsed = spec.body.safeParse(parseJsonBody(request.body, family.validationStatus));
        if (!parsed.success) throw new ApiError(family.validationStatus, "The request body is invalid.", zodDetails(parsed.error));
        body = parsed.data;
      }
      let query = undefined as Q;
      if (spec.query) {
        const parsed = spec.query.safeParse(queryObject(request.query));
        if (!parsed.success) {
          const details = zodDetails(parsed.error).map((d) => ({ ...d, path: ["query", ...d.path] }));
          throw new ApiError(family.validationStatus, "The query string is invalid.", details);
        }
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
    doc: {
      family: family.name,
      public: spec.public === true,
      body: spec.documentedBody ?? spec.body,
      query: spec.query,
      upload: spec.rawBody === true || spec.streamBody === true,
      summary: spec.summary,
      access,
    },
  };
}
