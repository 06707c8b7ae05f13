import { API_BODY_LIMIT, respond, serialiseBody } from "./dispatch";
import type { ApiRouter } from "./router";
import type { HeaderBag } from "./types";

/**
 * The Web Request → handler → Response adapter used by app/**\/route.ts, so `next dev` and any plain
 * Next deployment serve the same API as the fast path.
 */
export function nextRouteHandler(router: ApiRouter, bodyLimit = API_BODY_LIMIT): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const match = router.match(request.method, url.pathname);
    if (!match) return Response.json({ error: "not_found", message: `No API route for ${url.pathname}` }, { status: 404 });
    const headers: HeaderBag = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = Buffer.from(await request.arrayBuffer());
    const response = await respond(
      match,
      { method: request.method, path: url.pathname, query: url.searchParams, headers, signal: request.signal },
      body.length > bodyLimit ? "too-large" : body,
      bodyLimit,
    );
    const text = serialiseBody(response);
    return new Response(text ?? null, {
      status: response.status,
      headers: { ...(text !== undefined ? { "content-type": "application/json; charset=utf-8" } : {}), ...response.headers },
    });
  };
}
