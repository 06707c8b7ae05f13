import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./safe-redirect";

describe("sameOriginPath", () => {
  it("keeps paths on this app", () => {
    for (const path of ["/", "/models", "/tasks/123?tab=answers", "/loops/x#weights", "/deployments/dep%2F1"]) expect(sameOriginPath(path)).toBe(path);
  });

  it("refuses every way out to another host that reached one after sign-in", () => {
    for (const next of ["//evil.host/x", "/\\evil.host/x", "/\t/evil.host/x", "/\n/evil.host", "\\\\evil.host", "https://evil.host/", "http:evil.host", "javascript:alert(1)", "evil.host", "/\r\nSet-Cookie: x=1", "/\u0000", ""]) {
      expect(sameOriginPath(next), JSON.stringify(next)).toBe("/");
    }
    expect(sameOriginPath(undefined)).toBe("/");
    expect(sameOriginPath(null)).toBe("/");
  });
});
