import { nextRouteHandler } from "@/lib/http/next-adapter";
import { apiRouter } from "@/lib/http/routes";

// The dashboard's session routes (/api/loops, /api/models, /api/deployments, /api/drift, /api/training,
// /api/tasks, /api/work): defined with the family wrapper in lib/<domain>/session-api.ts. Sign-in
// lives beside this, in /api/auth.
export const dynamic = "force-dynamic";
const handler = nextRouteHandler(apiRouter);
export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
