import type { IncomingMessage } from "node:http";
import { header, type HeaderBag } from "./types";

/**
 * Who is on the other end of a request, for throttling and the sessions list. The server writes it
 * into this header on every request (overwriting whatever a client sent), so both adapters and
 * Next's own routes read the same value.
 */
export const CLIENT_ADDRESS_HEADER = "x-crucible-client-address";

const FORWARDED = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded", "x-real-ip"];

/**
 * CRUCIBLE_TRUST_PROXY: how many proxies in front of the app append to X-Forwarded-For (and set
 * X-Forwarded-Proto / -Host). 0, the default, trusts none of those headers: they are removed.
 */
export function trustedProxyHops(): number {
  const hops = Number(process.env.CRUCIBLE_TRUST_PROXY ?? 0);
  return Number.isInteger(hops) && hops > 0 ? Math.min(hops, 10) : 0;
}

function stripMappedPrefix(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/** The client's address: the socket's, or with trusted proxies the entry they vouch for in X-Forwarded-For. */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number): string {
  const socket = stripMappedPrefix(socketAddress ?? "unknown");
  if (!hops || !forwardedFor) return socket;
  // Each trusted proxy appends the address it saw; the one `hops` from the right was seen by the first of them.
  const chain = forwardedFor.split(",").map((part) => part.trim()).filter(Boolean);
  return stripMappedPrefix(chain.at(-hops) ?? chain[0] ?? socket).slice(0, 100);
}

/**
 * Run on every incoming request before anything reads it: forwarded headers are dropped unless a
 * proxy is trusted, and the client's address is recorded in CLIENT_ADDRESS_HEADER.
 */
export function prepareIncomingRequest(req: IncomingMessage): void {
  const hops = trustedProxyHops();
  const forwardedFor = header(req.headers, "x-forwarded-for");
  if (!hops) for (const name of FORWARDED) delete req.headers[name];
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req.socket.remoteAddress, forwardedFor, hops);
}

/** The address recorded by prepareIncomingRequest; "unknown" where no server recorded one. */
export function clientAddress(headers: HeaderBag): string {
  return header(headers, CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** Whether the client reached the app over https (directly, or through a trusted proxy that says so). */
export function servedOverHttps(headers: HeaderBag): boolean {
  if (process.env.NEXTAUTH_URL?.startsWith("https://") || process.env.PUBLIC_URL?.startsWith("https://")) return true;
  return header(headers, "x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
