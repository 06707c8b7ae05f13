import { API_BODY_LIMIT, bodyLimitFor, respond, serialiseBody } from "./dispatch";
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
    const limit = bodyLimitFor(match, bodyLimit);
    const declared = Number(request.headers.get("content-length") ?? NaN);
    const body = declared > limit ? "too-large" : Buffer.from(await request.arrayBuffer());
    const response = await respond(
      match,
      { method: request.method, path: url.pathname, query: url.searchParams, headers, signal: request.signal },
      body === "too-large" || body.length > limit ? "too-large" : body,
      limit,
    );
    const out = serialiseBody(response);
    const binary = Buffer.isBuffer(out);
    return new Response(out === undefined ? null : binary ? new Uint8Array(out) : out, {
      status: response.status,
      headers: {
        ...(out !== undefined ? { "content-type": binary ? "application/octet-stream" : "application/json; charset=utf-8" } : {}),
        ...response.headers,
      },
    });
  };
}
