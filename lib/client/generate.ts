import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "@/lib/http/openapi";
import { apiRouter } from "@/lib/http/routes";

/** Where the generated types live, from the repository's root. */
export const SCHEMA_FILE = "lib/client/src/schema.d.ts";

const HEADER = `/**
 * Generated from Crucible's OpenAPI description (lib/http/openapi.ts) by \`npm run client:generate\`.
 * Do not edit: change the routes or their documented answers and regenerate.
 */

`;

/** The TypeScript types of the whole API, from the description the server itself serves (no server needed). */
export async function generateSchemaSource(): Promise<string> {
  const document = openApiDocument(apiRouter.list());
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { alphabetize: false });
  return HEADER + astToString(ast);
}
