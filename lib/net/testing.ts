/**
 * Every way the URL parser lets a caller write loopback as a host: it normalises the numeric IPv4
 * forms to 127.0.0.1 (and 0 to 0.0.0.0), and the IPv6 ones to compressed hex ([::ffff:7f00:1]).
 */
export const LOOPBACK_SPELLINGS = ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "2130706433", "0177.0.0.1", "0x7f000001", "127.1", "0", "0.0.0.0",
  "[::1]", "[::]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.0.0.1]", "[::127.0.0.1]", "[64:ff9b::127.0.0.1]", "[2002:7f00:1::]"];
