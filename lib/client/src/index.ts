import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./schema";

/**
 * A typed client for Crucible's APIs: openapi-fetch over the types generated from the server's own
 * OpenAPI description (schema.d.ts). Every path, body, query and answer is typed; the key headers of
 * each family are set once here.
 *
 *   const tasks = createTasksClient({ baseUrl: "https://crucible.example.com", apiKey: "test_…" });
 *   const { data, error } = await tasks.POST("/v1/requests/{type}", { params: { path: { type: "free-text" } }, body: { instruction: "Say hi" } });
 */

export type { components, operations, paths };
export type CrucibleClient = Client<paths>;

/** Options of every family's client: the app's origin, and anything openapi-fetch takes (fetch, headers…). */
export type BaseOptions = Omit<ClientOptions, "baseUrl"> & {
  /** The app's origin, e.g. "https://crucible.example.com" (a trailing slash is fine). */
  baseUrl: string;
};

const trimmed = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

function clientWith(options: BaseOptions, keyHeaders: Record<string, string>): CrucibleClient {
  const { baseUrl, headers, ...rest } = options;
  return createClient<paths>({ ...rest, baseUrl: trimmed(baseUrl), headers: { ...keyHeaders, ...(headers as Record<string, string> | undefined) } });
}

/** The loops API (/definitions/, /train/, /predict/): X-api-key and X-username, and the loop as x-loop-id. */
export function createLoopsClient(options: BaseOptions & { apiKey: string; username: string; loopId?: string }): CrucibleClient {
  const { apiKey, username, loopId, ...base } = options;
  return clientWith(base, { "X-api-key": apiKey, "X-username": username, ...(loopId ? { "x-loop-id": loopId } : {}) });
}

/** The models API (/model/…, /deployment/…, /mltraining/…): the key as X-api-key. */
export function createModelsClient(options: BaseOptions & { apiKey: string }): CrucibleClient {
  const { apiKey, ...base } = options;
  return clientWith(base, { "X-api-key": apiKey });
}

/** The human-tasks API (/v1/…): a live_ or test_ key as X-Heat-API-Key. */
export function createTasksClient(options: BaseOptions & { apiKey: string }): CrucibleClient {
  const { apiKey, ...base } = options;
  return clientWith(base, { "X-Heat-API-Key": apiKey });
}

/** The Request object of the human-tasks API. */
export type TaskRequest = components["schemas"]["TaskRequest"];
export type Loop = components["schemas"]["Loop"];
export type Model = components["schemas"]["Model"];
export type Deployment = components["schemas"]["Deployment"];
