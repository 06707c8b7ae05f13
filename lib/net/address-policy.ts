import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// Which IP addresses the server may send its own requests to (webhooks, data links). A caller who
// picks the URL could otherwise reach what only the server can: loopback services, the private
// network, the cloud metadata service. Only global unicast is "public"; everything else is refused
// unless the operator allows private targets (CRUCIBLE_OUTBOUND_ALLOW_PRIVATE=1, for self-hosted
// set-ups). Metadata services are refused even then: no legitimate hook or data link lives there.

export type AddressClass = "public" | "private" | "metadata";

const METADATA = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254"]);

/** 2000::/3, the only IPv6 block IANA hands out as global unicast. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");
const SIX_TO_FOUR = ipaddr.parseCIDR("2002::/16");

/** The IPv4 address an IPv6 form carries and routes to (mapped, NAT64, 6to4), if any. */
function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  if (address.isIPv4MappedAddress() || address.match(NAT64_WELL_KNOWN)) return new ipaddr.IPv4(bytes.slice(12, 16));
  if (address.match(SIX_TO_FOUR)) return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

function classifyV4(address: ipaddr.IPv4): AddressClass {
  if (METADATA.has(address.toString())) return "metadata";
  return address.range() === "unicast" ? "public" : "private";
}

function classifyV6(address: ipaddr.IPv6): AddressClass {
  const v4 = embeddedV4(address);
  if (v4) return classifyV4(v4);
  if (METADATA.has(address.toString())) return "metadata";
  // Teredo, IPv4-compatible (::a.b.c.d), ULA, link-local, documentation… all fall outside this test.
  return address.match(GLOBAL_UNICAST_V6) && address.range() === "unicast" ? "public" : "private";
}

/** How an IP address (v4 or v6, as a resolver or the URL parser writes it) is treated. Anything unparsable is "private". */
export function classifyAddress(address: string): AddressClass {
  const bracketless = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const bare = bracketless.split("%")[0]!; // a zone (fe80::1%eth0) says nothing about the range
  if (!isIP(bare)) return "private";
  const parsed = ipaddr.parse(bare);
  return parsed.kind() === "ipv4" ? classifyV4(parsed as ipaddr.IPv4) : classifyV6(parsed as ipaddr.IPv6);
}

/** CRUCIBLE_OUTBOUND_ALLOW_PRIVATE=1 (or the older CRUCIBLE_DATA_LINK_ALLOW_PRIVATE=1). Read on every request. */
export function privateTargetsAllowed(): boolean {
  return process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE === "1" || process.env.CRUCIBLE_DATA_LINK_ALLOW_PRIVATE === "1";
}

/** Whether the server may connect to this address under the current setting. */
export function addressAllowed(address: string): boolean {
  const kind = classifyAddress(address);
  return kind === "public" || (kind === "private" && privateTargetsAllowed());
}

/**
 * Whether a URL names its host by an IP address the guard would refuse — known without resolving
 * anything, so it can be refused when the URL is given. Host names are judged when resolved.
 */
export function refusedLiteralHost(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return false;
  }
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) !== 0 && !addressAllowed(bare);
}
