import { nextRouteHandler } from "@/lib/http/next-adapter";
import { apiRouter } from "@/lib/http/routes";

// Every /v1/… path of the human-task API (requests, abort, files).
export const dynamic = "force-dynamic";
const handler = nextRouteHandler(apiRouter);
export const GET = handler;
export const POST = handler;
export const DELETE = handler;
// No PUT or PATCH routes: exported so the router answers 405 in the family's shape.
export const PUT = handler;
export const PATCH = handler;
