import { afterEach, describe, expect, it } from "vitest";
import { addressAllowed, classifyAddress } from "./address-policy";

afterEach(() => {
  delete process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE;
  delete process.env.CRUCIBLE_DATA_LINK_ALLOW_PRIVATE;
});

describe("the outbound address policy", () => {
  it("treats only global unicast as public", () => {
    for (const a of ["8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"]) {
      expect(classifyAddress(a), a).toBe("public");
    }
  });

  it("refuses loopback, private, link-local, CGNAT, multicast, broadcast, unspecified and reserved IPv4", () => {
    const v4 = ["127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.1.1", "100.64.0.1", "100.127.255.255",
      "224.0.0.1", "239.255.255.250", "255.255.255.255", "0.0.0.0", "0.1.2.3", "192.0.0.1", "192.0.2.1", "198.18.0.1", "198.51.100.1", "203.0.113.1", "240.0.0.1"];
    for (const a of v4) expect(classifyAddress(a), a).toBe("private");
  });

  it("refuses the same in IPv6, and judges mapped, NAT64 and 6to4 forms by the IPv4 address they carry", () => {
    const v6 = ["::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "2001:2::1", "3fff::1", "100::1", "fec0::1",
      "::ffff:127.0.0.1", "::ffff:7f00:1", "[::ffff:7f00:1]", "::ffff:10.0.0.1", "::ffff:0:7f00:1", "::7f00:1", "::127.0.0.1",
      "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::808:808", "2002:7f00:1::", "2002:c0a8:101::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2"];
    for (const a of v6) expect(classifyAddress(a), a).toBe("private");
  });

  it("names cloud metadata services apart, in every form", () => {
    for (const a of ["169.254.169.254", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "64:ff9b::a9fe:a9fe", "fd00:ec2::254", "fd00:ec2:0:0::254", "169.254.170.2", "100.100.100.200"]) {
      expect(classifyAddress(a), a).toBe("metadata");
    }
  });

  it("refuses anything that is not an IP address", () => {
    for (const a of ["localhost", "", "127.1", "0x7f000001", "2130706433", "[::1"]) expect(classifyAddress(a), a).toBe("private");
  });

  it("allows private targets only with the setting (or its older name), and metadata never", () => {
    expect(addressAllowed("127.0.0.1")).toBe(false);
    process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1";
    expect(addressAllowed("127.0.0.1")).toBe(true);
    expect(addressAllowed("::1")).toBe(true);
    expect(addressAllowed("169.254.169.254")).toBe(false);
    expect(addressAllowed("fd00:ec2::254")).toBe(false);
    delete process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE;
    process.env.CRUCIBLE_DATA_LINK_ALLOW_PRIVATE = "1";
    expect(addressAllowed("10.0.0.1")).toBe(true);
    expect(addressAllowed("8.8.8.8")).toBe(true);
  });
});
