import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { Agent, buildConnector, request, type Dispatcher } from "undici";
import { addressAllowed } from "./address-policy";

// Every HTTP request the server makes on a caller's behalf (task webhooks, deployment data links)
// goes through outboundRequest. Each connection is opened by our own connector: it resolves the host
// once, checks every address it got (address-policy.ts), and hands the socket a lookup that can only
// answer with those checked addresses — so the name is never resolved a second time between check
// and connect (DNS rebinding), and an IP-literal host is checked as it is. A redirect is a new
// request through the same connector, so every hop is checked. Each call has its own Agent: no
// pooled connection outlives the setting it was checked under.

/** Resolves a host name to IP addresses; injectable for tests. */
export type Resolver = (hostname: string) => Promise<string[]>;

export type OutboundErrorKind = "refused_address" | "refused_scheme" | "too_large" | "too_many_redirects";

/** A request the guard refused or cut short; network failures and timeouts stay the errors undici raises. */
export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

export interface OutboundOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Redirects to follow (as GET requests); 0, the default, returns a 3xx as the answer. */
  maxRedirects?: number;
  /** Read the body up to this many bytes (more is a "too_large" error); without it the body is discarded. */
  maxResponseBytes?: number;
  /** Connect timeout; the whole request is bounded by `signal`. */
  connectTimeoutMs?: number;
  resolve?: Resolver;
  /** Which addresses may be connected to; the default follows address-policy.ts and the setting. */
  allowAddress?: (address: string) => boolean;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The URL that answered (after redirects). */
  url: URL;
}

const systemResolver: Resolver = async (hostname) => (await dnsLookup(hostname, { all: true })).map((a) => a.address);

const notAllowed = (host: string) => new OutboundError("refused_address", `${host} is not a public address`);

/** The host's addresses, every one of them allowed; an IP literal is its own single address. */
async function checkedAddresses(hostname: string, resolve: Resolver, allow: (address: string) => boolean): Promise<string[]> {
  const addresses = isIP(hostname) ? [hostname] : await resolve(hostname);
  if (!addresses.length) throw new Error(`${hostname} did not resolve to any address`);
  if (!addresses.every(allow)) throw notAllowed(hostname);
  return addresses;
}

/** A lookup that answers only with addresses already checked, whatever it is asked. */
function pinnedLookup(addresses: string[]): LookupFunction {
  return (hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const answers = addresses.map((address) => ({ address, family: isIP(address) })).filter((a) => !wanted || a.family === wanted);
    if (!answers.length) return callback(Object.assign(new Error(`No checked IPv${wanted} address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
    if (options.all) return (callback as unknown as (error: null, all: typeof answers) => void)(null, answers);
    callback(null, answers[0]!.address, answers[0]!.family);
  };
}

function guardedConnector(resolve: Resolver, allow: (address: string) => boolean, timeout: number): buildConnector.connector {
  return (options, callback) => {
    checkedAddresses(options.hostname, resolve, allow).then(
      (addresses) => buildConnector({ timeout, lookup: pinnedLookup(addresses) })(options, callback),
      (error: Error) => callback(error, null),
    );
  };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readLimited(answer: Dispatcher.ResponseData, limit: number): Promise<Buffer> {
  const tooLarge = () => new OutboundError("too_large", `The answer is larger than the limit of ${limit} bytes`);
  const declared = Number(firstHeader(answer.headers["content-length"]));
  if (Number.isFinite(declared) && declared > limit) {
    answer.body.on("error", () => {}).destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of answer.body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(); // leaving the loop destroys the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status);

/** One guarded HTTP request (see the top of this file); the body is read or discarded before it returns. */
export async function outboundRequest(url: string | URL, options: OutboundOptions = {}): Promise<OutboundResponse> {
  const allow = options.allowAddress ?? addressAllowed;
  const agent = new Agent({ connect: guardedConnector(options.resolve ?? systemResolver, allow, options.connectTimeoutMs ?? 10_000) });
  const maxRedirects = options.maxRedirects ?? 0;
  let target = new URL(url);
  let method = options.method ?? "GET";
  let body = options.body;
  try {
    for (let hop = 0; ; hop++) {
      if (target.protocol !== "http:" && target.protocol !== "https:") throw new OutboundError("refused_scheme", "Only http and https URLs can be requested");
      const answer = await request(target, { dispatcher: agent, method, headers: options.headers, body, signal: options.signal });
      const location = firstHeader(answer.headers.location);
      if (maxRedirects > 0 && isRedirect(answer.statusCode) && location) {
        await answer.body.dump();
        if (hop >= maxRedirects) throw new OutboundError("too_many_redirects", `More than ${maxRedirects} redirects`);
        target = new URL(location, target);
        method = "GET";
        body = undefined;
        continue;
      }
      const content = options.maxResponseBytes === undefined ? (await answer.body.dump(), Buffer.alloc(0)) : await readLimited(answer, options.maxResponseBytes);
      return { status: answer.statusCode, headers: answer.headers, body: content, url: target };
    }
  } finally {
    await agent.destroy().catch(() => {});
  }
}
