import { nextRouteHandler } from "@/lib/http/next-adapter";
import { apiRouter } from "@/lib/http/routes";

export const dynamic = "force-dynamic";
export const GET = nextRouteHandler(apiRouter);
