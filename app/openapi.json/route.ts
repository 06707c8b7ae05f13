import { nextRouteHandler } from "@/lib/http/next-adapter";
import { apiRouter } from "@/lib/http/routes";

// The APIs' OpenAPI description (lib/http/openapi.ts).
export const dynamic = "force-dynamic";
export const GET = nextRouteHandler(apiRouter);
