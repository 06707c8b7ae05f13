import { z } from "zod";
import type { RouteDefinition } from "./family";

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

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function operation(route: RouteDefinition): Record<string, unknown> {
  const { doc } = route;
  const family = doc.family as DocumentedFamily;
  const parameters: Record<string, unknown>[] = [...route.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  if (doc.query) {
    const query = jsonSchema(doc.query) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema, ...(typeof schema.description === "string" ? { description: schema.description } : {}) });
    }
  }
  if (family === "loops" && !doc.public) parameters.push({ name: "x-loop-id", in: "header", required: false, schema: { type: "string" }, description: "The loop (its Loop ID) the call is about." });
  const body = doc.body ? jsonSchema(doc.body) : null;
  const summary = doc.summary ?? (typeof body?.description === "string" ? body.description : undefined);
  const errorRef = { $ref: `#/components/schemas/${ERROR_SCHEMA_OF[family]}` };
  const op: Record<string, unknown> = {
    operationId: `${route.method.toLowerCase()}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    tags: [family],
    ...(summary ? { summary } : {}),
    ...(parameters.length ? { parameters } : {}),
    security: doc.public ? [] : SECURITY[family],
    responses: {
      "2XX": { description: "Success", content: { "application/json": { schema: {} } } },
      "4XX": { description: "The request was refused: the family's error shape", content: { "application/json": { schema: errorRef } } },
      "5XX": { description: "The service failed or is unavailable: the family's error shape", content: { "application/json": { schema: errorRef } } },
    },
  };
  if (doc.upload) op.requestBody = { required: true, content: { "multipart/form-data": { schema: { type: "object" } }, "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } };
  else if (body && route.method !== "GET" && route.method !== "DELETE") op.requestBody = { required: true, content: { "application/json": { schema: body } } };
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
  const used = new Set(families.map((f) => ERROR_SCHEMA_OF[f]));
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
      schemas: Object.fromEntries(Object.entries(ERROR_SCHEMAS).filter(([name]) => used.has(name as keyof typeof ERROR_SCHEMAS))),
    },
  };
}
