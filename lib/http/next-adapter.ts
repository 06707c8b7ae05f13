import { API_BODY_LIMIT, bodyTooLarge, dispatch, serialiseBody } from "./dispatch";
import type { ApiRouter } from "./router";
import type { HeaderBag } from "./types";

/**
 * The Web Request → handler → Response adapter used by app/**\/route.ts, so `next dev` and any plain
 * Next deployment serve the same API as the fast path.
 */
export function nextRouteHandler(router: ApiRouter): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const headers: HeaderBag = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const match = router.match(request.method, url.pathname);
    const body = Buffer.from(await request.arrayBuffer());
    const response =
      match && body.length > API_BODY_LIMIT
        ? match.route.errorResponse(413, bodyTooLarge(API_BODY_LIMIT))
        : await dispatch(router, {
          method: request.method,
          path: url.pathname,
          query: url.searchParams,
          headers,
          body,
          signal: request.signal,
        });
    if (!response) return Response.json({ error: "not_found", message: `No API route for ${url.pathname}` }, { status: 404 });
    const text = serialiseBody(response);
    return new Response(text ?? null, {
      status: response.status,
      headers: { ...(text !== undefined ? { "content-type": "application/json; charset=utf-8" } : {}), ...response.headers },
    });
  };
}
