import { describe, expect, it } from "vitest";
import { isNonPublicAddress, nonPublicAddressOf } from "./public-address";

describe("public addresses for data_link", () => {
  it("refuses loopback, private, link-local, metadata and mapped addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isNonPublicAddress(a), a).toBe(true);
    }
  });

  it("accepts public addresses", () => {
    for (const a of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isNonPublicAddress(a), a).toBe(false);
  });

  it("resolves names and bracketed IPv6 literals", async () => {
    expect(await nonPublicAddressOf("localhost")).not.toBeNull();
    expect(await nonPublicAddressOf("[::1]")).toBe("::1");
    expect(await nonPublicAddressOf("8.8.8.8")).toBeNull();
  });
});
