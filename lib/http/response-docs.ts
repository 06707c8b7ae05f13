import { z } from "zod";

/**
 * What the OpenAPI description says a route answers, beside what defineRoute already knows (its
 * family, body and query schemas): the success status and body, and the refusals particular to the
 * route. Refusals every route of its kind can get (401/403/429 for keys, 400/422 for bad input, 413
 * for bodies, 500) are added by openapi.ts. Kept per domain (lib/<domain>/api-docs.ts), keyed by
 * "METHOD /path" as the route is defined.
 */
export interface RouteResponseDoc {
  status: 200 | 201 | 202 | 204;
  description: string;
  /** A JSON body; a schema registered in `responseSchemas` becomes a named component. */
  schema?: z.ZodType;
  /** Not JSON: the media type of the bytes sent (downloads). */
  media?: string;
  example?: unknown;
  /** The fields of a multipart upload (an upload route's form), as JSON Schema properties. */
  formFields?: { required: string[]; properties: Record<string, Record<string, unknown>> };
  /** An example request body, beside the body schema. */
  requestExample?: unknown;
  /** Request headers the route reads beyond the key's, name → what it does. */
  requestHeaders?: Record<string, string>;
  /** Response headers worth knowing, name → what it says. */
  headers?: Record<string, string>;
  /** Statuses this route can answer beyond the common ones (404, 409, 503…), each with why. */
  errors?: Partial<Record<ErrorStatus, string>>;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 416 | 422 | 429 | 500 | 503;

export type RouteResponseDocs = Record<string, RouteResponseDoc>;

/** Named response schemas: each becomes `#/components/schemas/<id>`. */
export const responseSchemas = z.registry<{ id: string }>();

/** Registers a response schema under its component name. */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  responseSchemas.add(schema, { id });
  return schema;
}

/** An API timestamp: ISO 8601 with +00:00. */
export const timestamp = () => z.string().describe("ISO 8601 timestamp, UTC as +00:00");
