import { describe, expect, it } from "vitest";
import { followedAlias, servingLine } from "./serving-line";

describe("what a deployment serves and follows, in words", () => {
  it("names the alias it follows, or the version it is pinned to", () => {
    expect(servingLine(2, "production")).toBe("serving v2 · follows production");
    expect(servingLine(1, "1")).toBe("pinned to v1");
    expect(servingLine(3, null)).toBe("pinned to v3 (latest at deploy time)");
    expect(servingLine(null, "production")).toBe("no version yet · follows production");
    expect(servingLine(null, null)).toBe("no version");
  });

  it("reads a numeric version_ref as a pin and any other as an alias", () => {
    expect(followedAlias("12")).toBeNull();
    expect(followedAlias(null)).toBeNull();
    expect(followedAlias("staging-2")).toBe("staging-2");
  });
});
