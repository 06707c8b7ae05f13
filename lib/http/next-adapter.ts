import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { API_BODY_LIMIT, bodyLimitFor, limitBody, respond, respondStreamed, serialiseBody } from "./dispatch";
import type { ApiRouter } from "./router";
import type { ApiResponse, HeaderBag } from "./types";

/** A Web request body as a Node stream (empty when there is none). */
export function nodeStreamOf(body: ReadableStream<Uint8Array> | null): Readable {
  return body ? Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>) : Readable.from([]);
}

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
    const base = { method: request.method, path: url.pathname, query: url.searchParams, headers, signal: request.signal };
    let response: ApiResponse;
    if (declared > limit) response = await respond(match, base, "too-large", limit);
    else if (match.kind === "found" && match.route.streamBody) {
      const source = nodeStreamOf(request.body);
      const body = limitBody(source, limit);
      try {
        response = await respondStreamed(match, base, body);
      } finally {
        body.destroy();
        source.destroy();
      }
    } else {
      const bytes = Buffer.from(await request.arrayBuffer());
      response = await respond(match, base, bytes.length > limit ? "too-large" : bytes, limit);
    }
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
