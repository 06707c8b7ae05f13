import type { Readable } from "node:stream";

/** What every API handler receives, whichever adapter (Next route or the fast path) called it. */
export type HeaderBag = Record<string, string | string[] | undefined>;

export interface ApiRequest {
  method: string;
  /** The path without its query string, as received (the trailing slash may be there or not). */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: HeaderBag;
  /** The whole body; empty for routes defined with `streamBody` (they read bodyStream). */
  body: Buffer;
  /**
   * Routes defined with `streamBody` only: the body as it arrives. Past the route's body limit it
   * fails with BodyTooLargeError (lib/http/dispatch.ts). Whatever the handler leaves unread is
   * drained by the adapter after it answers.
   */
  bodyStream?: Readable;
  /** Aborted when the client goes away, so long waits can be released. */
  signal: AbortSignal;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  /**
   * Serialised as JSON; a Buffer is sent as it is; a Readable (large downloads) is streamed, with the
   * content-length the handler sets; undefined sends an empty body.
   */
  body?: unknown;
}

export type ApiHandler = (request: ApiRequest) => Promise<ApiResponse>;

export function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
