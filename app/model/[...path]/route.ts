import { nextRouteHandler } from "@/lib/http/next-adapter";
import { apiRouter } from "@/lib/http/routes";

// Every /model/… path of the models API (add, all, getkind, search, upload, versions, aliases, files, PATCH, DELETE).
export const dynamic = "force-dynamic";
const handler = nextRouteHandler(apiRouter);
export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
