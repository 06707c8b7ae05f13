import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// A data_link is fetched by the server, so a caller could point it at addresses only the server can
// reach (loopback, the cloud metadata service, the private network). Those are refused unless the
// operator allows them (CRUCIBLE_DATA_LINK_ALLOW_PRIVATE=1, e.g. for a file server on the same host).
// The name is resolved for the check and again by fetch: a DNS server answering differently the
// second time (rebinding) is not covered by this check.

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

export function privateLinksAllowed(): boolean {
  return process.env.CRUCIBLE_DATA_LINK_ALLOW_PRIVATE === "1";
}

/** Whether an IP address (v4, v6, or v4-mapped v6) is loopback, private, link-local or otherwise not public. */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

/** The first non-public address the host name resolves to, or null when all of them are public. */
export async function nonPublicAddressOf(hostname: string): Promise<string | null> {
  const host = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true, verbatim: true });
  return addresses.find((a) => isNonPublicAddress(a.address))?.address ?? null;
}
