import { z } from "zod";
import type { RouteDefinition } from "./family";
import { responseSchemas, type ErrorStatus, type RouteResponseDoc } from "./response-docs";
import { ROUTE_RESPONSE_DOCS, routeKey } from "./route-response-docs";

/**
 * The OpenAPI 3.1 description of the public APIs, generated from the routes the router serves and the
 * zod schemas their handlers parse with (their `.describe()` texts included), so it cannot drift from
 * what is served. One document per family, or all three together. The dashboard's session routes
 * (/api/…) and the bench route are not part of the public APIs and are left out.
 */

export const DOCUMENTED_FAMILIES = ["loops", "models", "tasks", "platform"] as const;
export type DocumentedFamily = (typeof DOCUMENTED_FAMILIES)[number];

const TITLES: Record<DocumentedFamily, string> = {
  loops: "Adaptive learning loops",
  models: "Model registry and deployments (the MLConnector API)",
  tasks: "Human tasks (the Heat API)",
  platform: "Health",
};

/** Which schemes authenticate each family (any one of a family's list). */
const SECURITY: Record<DocumentedFamily, Record<string, string[]>[]> = {
  loops: [{ loopsKey: [], loopsUser: [] }],
  models: [{ modelsKey: [] }, { bearer: [] }, { basic: [] }],
  tasks: [{ heatKey: [] }, { crunchKey: [] }, { basic: [] }],
  platform: [],
};

const SECURITY_SCHEMES = {
  loopsKey: { type: "apiKey", in: "header", name: "X-api-key", description: "A loops key (Settings → API keys)." },
  loopsUser: { type: "apiKey", in: "header", name: "X-username", description: "The key's account: username or e-mail." },
  modelsKey: { type: "apiKey", in: "header", name: "X-api-key", description: "A models key." },
  bearer: { type: "http", scheme: "bearer", description: "A models key as a bearer token." },
  basic: { type: "http", scheme: "basic", description: "The key as the user name, no password (a key written into a base URL)." },
  heatKey: { type: "apiKey", in: "header", name: "X-Heat-API-Key", description: "A tasks key (live or test)." },
  crunchKey: { type: "apiKey", in: "header", name: "X-Crunch-API-Key", description: "The same key under the header of the API's clients before its rename." },
} as const;

const ERROR_SCHEMAS = {
  LoopsError: {
    type: "object",
    required: ["status", "message", "errors"],
    properties: { status: { const: "failed" }, message: { type: "string" }, errors: { type: "array", items: { type: "string" } } },
  },
  ModelsError: {
    type: "object",
    required: ["detail"],
    properties: {
      detail: {
        oneOf: [
          { type: "string" },
          {
            type: "array",
            items: {
              type: "object",
              required: ["loc", "msg", "type"],
              properties: { loc: { type: "array", items: { type: ["string", "integer"] } }, msg: { type: "string" }, type: { type: "string" } },
            },
          },
        ],
      },
    },
  },
  TasksError: {
    type: "object",
    required: ["error", "message"],
    properties: { error: { type: "string" }, message: { type: "string" }, errors: { type: "array", items: { type: "string" } } },
  },
  PlatformError: { type: "object", required: ["error", "message"], properties: { error: { type: "string" }, message: { type: "string" } } },
} as const;

const ERROR_SCHEMA_OF: Record<DocumentedFamily, keyof typeof ERROR_SCHEMAS> = { loops: "LoopsError", models: "ModelsError", tasks: "TasksError", platform: "PlatformError" };

export const isDocumented = (route: RouteDefinition): boolean => (DOCUMENTED_FAMILIES as readonly string[]).includes(route.doc.family) && !route.path.startsWith("/bench/");

/** `/model/:model_id/upload` → `/model/{model_id}/upload`. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, "{$1}");

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

const COMPONENT = "#/components/schemas/";

/** A response schema: a reference to its component when it is named, else inline. */
function responseSchema(schema: z.ZodType): Record<string, unknown> {
  const name = responseSchemas.get(schema)?.id;
  return name ? { $ref: `${COMPONENT}${name}` } : jsonSchema(schema, "output");
}

/** Every named response schema as a component, its references to the others as component references. */
function namedComponents(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(responseSchemas, { io: "output", unrepresentable: "any", uri: (id) => `${COMPONENT}${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  return Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _s, $id: _i, ...rest }]) => [name, rest]));
}

/** The component names `value` refers to, directly or through other components. */
function referencedComponents(value: unknown, components: Record<string, unknown>, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencedComponents(v, components, found);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string" && v.startsWith(COMPONENT)) {
        const name = v.slice(COMPONENT.length);
        if (!found.has(name)) {
          found.add(name);
          referencedComponents(components[name], components, found);
        }
      } else referencedComponents(v, components, found);
    }
  }
  return found;
}

/** Status of a body or query that fails its schema, per family (ApiFamily.validationStatus). */
const VALIDATION_STATUS: Record<DocumentedFamily, ErrorStatus[]> = { loops: [400, 422], models: [422], tasks: [400], platform: [400] };

const KEY_REFUSED: Record<DocumentedFamily, string> = {
  loops: "No key, or an unknown, revoked, expired or wrong-scope one; a missing or unknown x-loop-id",
  models: "No key, or an unknown, revoked, expired or wrong-scope one",
  tasks: "No key, or an unknown, revoked, expired or wrong-scope one",
  platform: "No key",
};

/** The refusals every route of its kind can answer, then the route's own (which say more). */
function errorStatuses(route: RouteDefinition, family: DocumentedFamily, own: RouteResponseDoc["errors"]): [ErrorStatus, string][] {
  const { doc } = route;
  const statuses = new Map<ErrorStatus, string>();
  const takesInput = Boolean(doc.body || doc.query || route.path.includes(":"));
  const hasBody = ["POST", "PUT", "PATCH"].includes(route.method);
  if (takesInput || (hasBody && !doc.upload)) for (const status of VALIDATION_STATUS[family]) statuses.set(status, "The request's body, path or query is invalid: every problem is listed");
  if (!doc.public) {
    statuses.set(401, KEY_REFUSED[family]);
    if (doc.access && doc.access !== "read") statuses.set(403, "The key's role does not allow this (a viewer key that writes)");
    statuses.set(429, "Too many unknown keys from this address; retry after Retry-After seconds");
  }
  if (hasBody) statuses.set(413, "The body is larger than the server takes (API_BODY_LIMIT_BYTES)");
  for (const [status, why] of Object.entries(own ?? {})) statuses.set(Number(status) as ErrorStatus, why);
  statuses.set(500, "The server failed; the failure is logged");
  return [...statuses.entries()].sort(([a], [b]) => a - b);
}

function successResponse(answer: RouteResponseDoc | undefined): [string, Record<string, unknown>] {
  if (!answer) return ["2XX", { description: "Success", content: { "application/json": { schema: {} } } }];
  const headers = answer.headers && Object.fromEntries(Object.entries(answer.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }]));
  const content = answer.media
    ? { [answer.media]: { schema: { type: "string", contentMediaType: answer.media } } }
    : answer.schema
      ? { "application/json": { schema: responseSchema(answer.schema), ...(answer.example !== undefined ? { example: answer.example } : {}) } }
      : undefined;
  return [String(answer.status), { description: answer.description, ...(headers ? { headers } : {}), ...(content && answer.status !== 204 ? { content } : {}) }];
}

function operation(route: RouteDefinition): Record<string, unknown> {
  const { doc } = route;
  const family = doc.family as DocumentedFamily;
  const answer = ROUTE_RESPONSE_DOCS[routeKey(route)];
  const parameters: Record<string, unknown>[] = [...route.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  if (doc.query) {
    const query = jsonSchema(doc.query) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema, ...(typeof schema.description === "string" ? { description: schema.description } : {}) });
    }
  }
  if (family === "loops" && !doc.public) parameters.push({ name: "x-loop-id", in: "header", required: false, schema: { type: "string" }, description: "The loop (its Loop ID) the call is about." });
  for (const [name, description] of Object.entries(answer?.requestHeaders ?? {})) parameters.push({ name, in: "header", required: false, schema: { type: "string" }, description });
  const body = doc.body ? jsonSchema(doc.body) : null;
  const summary = doc.summary ?? (typeof body?.description === "string" ? body.description : undefined);
  const errorContent = { "application/json": { schema: { $ref: `${COMPONENT}${ERROR_SCHEMA_OF[family]}` } } };
  const [successStatus, success] = successResponse(answer);
  const op: Record<string, unknown> = {
    operationId: `${route.method.toLowerCase()}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    tags: [family],
    ...(summary ? { summary } : {}),
    ...(parameters.length ? { parameters } : {}),
    security: doc.public ? [] : SECURITY[family],
    responses: {
      [successStatus]: success,
      ...Object.fromEntries(errorStatuses(route, family, answer?.errors).map(([status, description]) => [String(status), { description, content: errorContent }])),
    },
  };
  const example = answer?.requestExample !== undefined ? { example: answer.requestExample } : {};
  if (doc.upload) {
    const form = answer?.formFields ? { type: "object", ...answer.formFields } : { type: "object", additionalProperties: true };
    op.requestBody = { required: true, content: { "multipart/form-data": { schema: form }, "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } };
  }
  else if (body && route.method !== "GET" && route.method !== "DELETE") op.requestBody = { required: true, content: { "application/json": { schema: body, ...example } } };
  else if (answer?.requestExample !== undefined) op.requestBody = { required: true, content: { "application/json": { schema: { type: "object", additionalProperties: true }, ...example } } };
  return op;
}

/** The OpenAPI document of one family, or of all (`families` omitted). */
export function openApiDocument(routes: RouteDefinition[], options: { families?: readonly DocumentedFamily[]; serverUrl?: string } = {}): Record<string, unknown> {
  const families = options.families ?? DOCUMENTED_FAMILIES;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes.filter(isDocumented).filter((r) => families.includes(r.doc.family as DocumentedFamily))) {
    const path = openApiPath(route.path);
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  const used = new Set<string>(families.map((f) => ERROR_SCHEMA_OF[f]));
  const named = namedComponents();
  const referenced = referencedComponents(paths, named);
  return {
    openapi: "3.1.0",
    info: {
      title: families.length === 1 ? `Crucible — ${TITLES[families[0]!]}` : "Crucible",
      version: "1",
      description: "Generated from the routes the server serves and the schemas their handlers parse with.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags: families.map((f) => ({ name: f, description: TITLES[f] })),
    paths,
    components: {
      securitySchemes: SECURITY_SCHEMES,
      schemas: {
        ...Object.fromEntries(Object.entries(named).filter(([name]) => referenced.has(name))),
        ...Object.fromEntries(Object.entries(ERROR_SCHEMAS).filter(([name]) => used.has(name))),
      },
    },
  };
}
