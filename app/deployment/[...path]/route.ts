import { nextRouteHandler } from "@/lib/http/next-adapter";
import { apiRouter } from "@/lib/http/routes";

// Every /deployment/… path of the models API (add, add/operation, all, get/status, get/opos, predict, DELETE).
export const dynamic = "force-dynamic";
const handler = nextRouteHandler(apiRouter);
export const GET = handler;
export const POST = handler;
// No PUT or PATCH routes: exported so the router answers 405 in the family's shape.
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
