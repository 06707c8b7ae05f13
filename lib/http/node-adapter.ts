import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { API_BODY_LIMIT, internalErrorResponse, limitBody, respond, respondStreamed, serialiseBody, withApiSecurityHeaders, type RequestHead } from "./dispatch";
import type { ApiRouter, RouteMatch } from "./router";
import type { ApiResponse } from "./types";

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        resolve("too-large");
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * A fast-path request before its route runs. The AbortSignal is created only when a handler reads
 * it (long polls, data-link fetches): an AbortController and a close listener per request would
 * cost more than most handlers. A class for the reason given at RouteRequest (lib/http/dispatch.ts).
 */
class NodeRequestHead implements RequestHead {
  private controller: AbortController | undefined;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly query: URLSearchParams,
    readonly headers: IncomingMessage["headers"],
    private readonly res: ServerResponse,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      const created = (this.controller = new AbortController());
      const res = this.res;
      if (res.destroyed && !res.writableFinished) created.abort();
      else res.on("close", () => {
        if (!res.writableFinished) created.abort();
      });
    }
    return this.controller.signal;
  }
}

/**
 * A `streamBody` route (uploads): 413 at once when the declared length is over the limit, else the
 * handler reads the body as it arrives; what it leaves unread is drained so the connection can
 * answer.
 */
async function streamed(
  match: Extract<RouteMatch, { kind: "found" }>,
  request: RequestHead,
  req: IncomingMessage,
  limit: number,
): Promise<ApiResponse> {
  if (Number(req.headers["content-length"]) > limit) return respond(match, request, "too-large", limit);
  const body = limitBody(req, limit);
  try {
    return await respondStreamed(match, request, body);
  } finally {
    body.destroy();
    if (!req.readableEnded) req.resume();
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, text: string | Buffer | Readable | undefined): void {
  if (text instanceof Readable) {
    stream(res, status, headers, text);
    return;
  }
  if (res.writableEnded || res.destroyed) return;
  if (text !== undefined) {
    headers["content-type"] ??= Buffer.isBuffer(text) ? "application/octet-stream" : "application/json; charset=utf-8";
    headers["content-length"] = String(Buffer.byteLength(text));
  }
  res.writeHead(status, headers);
  res.end(text);
}

/**
 * A streamed download, pulled as the client reads. A source that fails midway cuts the connection
 * (the status is sent already), so the client sees a short body against its content-length rather
 * than a complete-looking one.
 */
function stream(res: ServerResponse, status: number, headers: Record<string, string>, body: Readable): void {
  if (res.writableEnded || res.destroyed) {
    body.destroy();
    return;
  }
  headers["content-type"] ??= "application/octet-stream";
  res.writeHead(status, headers);
  pipeline(body, res).catch((error: unknown) => {
    if (!res.destroyed) console.error("download failed midway:", (error as Error).message);
    res.destroy();
  });
}

/**
 * The fast path: API requests go from node:http straight to the plain handlers, without building Web
 * Request/Response objects. Returns false when the path is not an API path so the caller can hand
 * the request to Next.
 */
export function createFastPath(router: ApiRouter, bodyLimit = API_BODY_LIMIT) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const method = req.method ?? "GET";
    const match = router.match(method, path);
    if (!match) return false;

    void (async () => {
      try {
        // Routes without a body limit of their own (all but uploads) take the buffered branch after
        // the same single check as before; only a route with its own limit is asked whether it streams.
        const ownLimit = match.route.bodyLimit;
        let response: ApiResponse;
        if (ownLimit !== undefined && match.route.streamBody && match.kind === "found") {
          const query = new URLSearchParams(q === -1 ? "" : rawUrl.slice(q + 1));
          response = await streamed(match, new NodeRequestHead(method, path, query, req.headers, res), req, ownLimit());
        } else {
          const limit = ownLimit === undefined ? bodyLimit : ownLimit();
          const body = await readBody(req, limit);
          const query = new URLSearchParams(q === -1 ? "" : rawUrl.slice(q + 1));
          response = await respond(match, new NodeRequestHead(method, path, query, req.headers, res), body, limit);
        }
        send(res, response.status, withApiSecurityHeaders(req.headers, response.headers ?? {}), serialiseBody(response));
      } catch (error) {
        console.error("fast path failure", error);
        const failure = internalErrorResponse(match);
        send(res, failure.status, withApiSecurityHeaders(req.headers, failure.headers ?? {}), serialiseBody(failure));
      }
    })();
    return true;
  };
}
