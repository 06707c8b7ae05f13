import { nextRouteHandler } from "@/lib/http/next-adapter";
import { apiRouter } from "@/lib/http/routes";

// Every /mltraining/… path of the models API (add, all, {id}).
export const dynamic = "force-dynamic";
const handler = nextRouteHandler(apiRouter);
export const GET = handler;
export const POST = handler;
