import type { z } from "zod";
import { ApiError, zodDetails } from "@/lib/http/errors";
import { modelsApi } from "@/lib/http/families";

// The dashboard's session routes (app/api/deployments/**) answer like the API: `{detail}` errors,
// the same validation and the same operations. These helpers keep those route files one-liners.

/** Runs an operation; an ApiError becomes its status with the models family's body. */
export async function sessionJson(run: () => Promise<{ status?: number; body: unknown }>): Promise<Response> {
  try {
    const { status = 200, body } = await run();
    return Response.json(body, { status, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return Response.json(modelsApi.errorBody(error.status, error.message, error.details), { status: error.status, headers: error.headers });
  }
}

/** A dynamic route segment as the deployment_id it names (decoded once; ids never contain "%"). */
export function deploymentIdParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export const signInFirst = () => Response.json({ detail: "Sign in first." }, { status: 401 });

/** JSON text against a schema: 400 when it is not JSON, 422 listing every problem, as the API does. */
export function parseJsonBody<T>(schema: z.ZodType<T>, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(422, "The request body is invalid.", zodDetails(parsed.error));
  return parsed.data;
}
