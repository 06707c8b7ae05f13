import type { IncomingMessage, ServerResponse } from "node:http";
import { API_BODY_LIMIT, bodyLimitFor, respond, serialiseBody } from "./dispatch";
import type { ApiRouter } from "./router";

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

function send(res: ServerResponse, status: number, headers: Record<string, string>, text: string | Buffer | undefined): void {
  if (res.writableEnded || res.destroyed) return;
  if (text !== undefined) {
    headers["content-type"] ??= Buffer.isBuffer(text) ? "application/octet-stream" : "application/json; charset=utf-8";
    headers["content-length"] = String(Buffer.byteLength(text));
  }
  res.writeHead(status, headers);
  res.end(text);
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

    let controller: AbortController | undefined;
    const signalOf = (): AbortSignal => {
      if (!controller) {
        const created = (controller = new AbortController());
        if (res.destroyed && !res.writableFinished) created.abort();
        else res.on("close", () => {
          if (!res.writableFinished) created.abort();
        });
      }
      return controller.signal;
    };
    void (async () => {
      try {
        const limit = bodyLimitFor(match, bodyLimit);
        const body = await readBody(req, limit);
        const query = new URLSearchParams(q === -1 ? "" : rawUrl.slice(q + 1));
        const response = await respond(match, { method, path, query, headers: req.headers, get signal() { return signalOf(); } }, body, limit);
        send(res, response.status, { ...response.headers }, serialiseBody(response));
      } catch (error) {
        console.error("fast path failure", error);
        send(res, 500, {}, JSON.stringify({ error: "internal", message: "Internal server error" }));
      }
    })();
    return true;
  };
}
