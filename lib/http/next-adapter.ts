import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { API_BODY_LIMIT, bodyLimitFor, internalErrorResponse, limitBody, respond, respondStreamed, serialiseBody, withApiSecurityHeaders } from "./dispatch";
import type { ApiRouter } from "./router";
import type { ApiResponse, HeaderBag } from "./types";

/** A Web request body as a Node stream (empty when there is none). */
export function nodeStreamOf(body: ReadableStream<Uint8Array> | null): Readable {
  return body ? Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>) : Readable.from([]);
}

/** The body, or "too-large" as soon as more than the limit has arrived (never buffering past it). */
async function readBody(request: Request, limit: number): Promise<Buffer | "too-large"> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return "too-large";
    }
    chunks.push(value);
  }
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
    let out: string | Buffer | Readable | undefined;
    try {
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
        const bytes = await readBody(request, limit);
        response = await respond(match, base, bytes, limit);
      }
      out = serialiseBody(response);
    } catch (error) {
      console.error("API route failure", error);
      response = internalErrorResponse(match);
      out = serialiseBody(response);
    }
    const binary = Buffer.isBuffer(out) || out instanceof Readable;
    const body = out === undefined ? null : Buffer.isBuffer(out) ? new Uint8Array(out) : out instanceof Readable ? (Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>) : out;
    return new Response(body, {
      status: response.status,
      headers: withApiSecurityHeaders(headers, {
        ...(out !== undefined ? { "content-type": binary ? "application/octet-stream" : "application/json; charset=utf-8" } : {}),
        ...(Buffer.isBuffer(out) ? { "content-length": String(out.length) } : {}),
        ...response.headers,
      }),
    });
  };
}
