import { z } from "zod";
import { named, type RouteResponseDocs } from "@/lib/http/response-docs";

/** What the health routes answer, for the OpenAPI description. */

const healthSchema = named(
  "Health",
  z
    .object({
      status: z.enum(["ok", "unavailable", "draining"]),
      database: z.enum(["up", "down"]).optional(),
      database_latency_ms: z.number().optional(),
      error: z.string().optional(),
    })
    .describe("Whether the server takes requests and its database answers"),
);

const keyCheckSchema = named(
  "KeyCheck",
  z
    .object({
      status: z.literal("ok"),
      account: z.object({ id: z.string().describe("The key's workspace"), username: z.string() }),
      key: z.object({
        prefix: z.string(),
        scope: z.enum(["loops", "models", "tasks"]),
        loop_id: z.string().nullable().optional().describe("Loops keys: the loop the key is bound to, if any"),
        mode: z.enum(["live", "test"]).optional().describe("Tasks keys: live, or test (staging)"),
      }),
    })
    .describe("The key works: whose it is"),
);

const keyCheck = { status: 200, description: "The key works", schema: keyCheckSchema } as const;

export const healthResponseDocs: RouteResponseDocs = {
  "GET /healthz": {
    status: 200,
    description: "The server takes requests and its database answers",
    schema: healthSchema,
    example: { status: "ok", database: "up", database_latency_ms: 1.2 },
    errors: { 503: "The database does not answer or the server is draining (the body is a Health object)" },
  },
  "GET /healthz/loops": keyCheck,
  "GET /healthz/models": keyCheck,
  "GET /healthz/tasks": keyCheck,
};
