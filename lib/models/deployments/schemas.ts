import { z } from "zod";
import { count, listQuerySchema, pageSize } from "../schemas";

// MLDeploymentCreate and MLDeploymentOposCreate of the models document. Strict about unknown keys
// (typos are 422, as in the registry), liberal where the document's own examples disagree: continuum
// is `true` in one example and a string in the original implementation.

const placementName = z.string().trim().min(1).max(200);

/** Where to run: a cluster, node and continuum, each may be "*" (anywhere). Missing parts mean "*". */
export const placementSchema = z.strictObject({
  clusterID: placementName.default("*").describe('The cluster to run on, or "*" for any.'),
  node: placementName.default("*").describe('The node to run on, or "*" for any.'),
  continuum: z.union([z.boolean(), z.string().trim().min(1).max(200)]).default("*").describe('Whether it may run on the continuum: a boolean, or "*" for either.'),
});

export const ANYWHERE = { clusterID: "*", node: "*", continuum: "*" } as const;

/** Path segments taken by fixed routes (/deployment/all, /deployment/add, /deployment/get/…). */
const RESERVED_IDS = new Set(["all", "add", "get"]);

/** A deployment_id is used in URL paths: letters, digits and `_ . : -`, starting with a letter or digit. */
export const deploymentIdSchema = z
  .string()
  .trim()
  .max(128)
  .refine((id) => id === "" || /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(id), {
    message: "A deployment_id has letters, digits and _ . : - and starts with a letter or digit (up to 128)",
  })
  .refine((id) => !RESERVED_IDS.has(id), { message: "all, add and get are reserved path names" });

export const deploymentCreateSchema = z
  .strictObject({
    modelid: z.string().trim().min(1).max(100).describe("The registered model to serve."),
    /** A version number; a non-numeric string is read as an alias. */
    version: z.union([z.number().int().min(1), z.string().trim().min(1).max(63)]).nullish().describe("A model version number (a non-numeric string is read as an alias); the latest when absent."),
    alias: z.string().trim().min(1).max(63).nullish().describe("An alias of the model such as production; not with version."),
    ownerid: z.union([z.string().trim().max(200), z.number().transform(String)]).default("").describe("Who the deployment belongs to, recorded with every operation."),
    placement: placementSchema.default(ANYWHERE).describe("Where the deployment should run."),
    deployment_id: deploymentIdSchema.nullish().describe("The deployment's id in URLs; generated (dep-…) when empty or absent."),
    /** 0: callers send values; 1: callers may also send a data_link the server fetches. */
    inference_data: z.union([z.literal(0), z.literal(1)]).default(0).describe("0: callers send values; 1: callers may also send a data_link the server fetches."),
  })
  .refine((b) => b.version == null || b.alias == null, { message: "Send version or alias, not both", path: ["alias"] });

export type DeploymentCreate = z.infer<typeof deploymentCreateSchema>;

/** The version a deployment asks for: a number, an alias, or the latest (null). */
export function versionRefOf(body: Pick<DeploymentCreate, "version" | "alias">): { version: number } | { alias: string } | null {
  if (typeof body.version === "number") return { version: body.version };
  if (typeof body.version === "string") return /^\d+$/.test(body.version) ? { version: Number(body.version) } : { alias: body.version };
  return body.alias ? { alias: body.alias } : null;
}

/** The document sends JSON text ("{...}"); a JSON value is taken as it is. */
const jsonValue = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown()), z.number(), z.boolean()]);

/** ISO 8601 like pydantic's datetime (a time without a zone is UTC), or Unix seconds; within 1970–2200. */
const operationTime = z.union([z.string().trim().max(64), z.number()]).transform((value, ctx) => {
  const text = typeof value === "string" && /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? `${value.replace(" ", "T")}Z` : value;
  const at = typeof text === "number" ? new Date(text * 1000) : /^\d{4}-\d\d-\d\d/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()) || at.getTime() < 0 || at.getTime() > Date.UTC(2200, 0)) {
    ctx.addIssue({ code: "custom", message: "timestamp must be an ISO 8601 date and time (e.g. 2026-12-07T10:00:00+00:00) or seconds since 1970" });
    return z.NEVER;
  }
  return at;
});

/** An inference made elsewhere, recorded against one of the account's deployments. */
export const operationCreateSchema = z.strictObject({
  ownerid: z.union([z.string().trim().max(200), z.number().transform(String)]).default("").describe("Who made the inference."),
  deploymentid: z.string().trim().min(1).max(128).describe("The deployment the inference was made with."),
  modelid: z.string().trim().min(1).max(100).optional().describe("The model, when it is not the deployment's."),
  data: jsonValue.describe("What the inference was made on (JSON text or a JSON value)."),
  result: jsonValue.nullish().describe("What it answered (JSON text or a JSON value)."),
  timestamp: operationTime.optional().describe("When the inference was made: ISO 8601 (without a zone: UTC) or seconds since 1970; now when absent."),
});

export type OperationCreate = z.infer<typeof operationCreateSchema>;

export { listQuerySchema };

/** skip/limit like the other lists, plus a keyset cursor: only operations older than this id. */
export const operationsQuerySchema = z.object({
  skip: count(0, 1_000_000_000),
  limit: pageSize(100, 1000),
  cursor: z.coerce.number().int().min(1).optional(),
});
