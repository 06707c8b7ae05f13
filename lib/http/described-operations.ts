import { snippetOperation, type SnippetOperation } from "./api-snippets";
import { openApiDocument } from "./openapi";
import { apiRouter } from "./routes";

/** The description of every route, built once per process: the routes never change while it runs. */
let described: Record<string, unknown> | null = null;

/** One operation of the served description, for the dashboard's code snippets (server side). */
export function describedOperation(method: string, path: string, scheme?: string): SnippetOperation {
  described ??= openApiDocument(apiRouter.list());
  return snippetOperation(described, method, path, scheme);
}
