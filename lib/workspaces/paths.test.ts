import { describe, expect, it } from "vitest";
import { splitWorkspacePath, workspacePath } from "./paths";

describe("workspace paths", () => {
  it("puts dashboard paths inside the workspace and leaves the rest alone", () => {
    expect(workspacePath("acme", "/")).toBe("/w/acme");
    expect(workspacePath("acme", "/loops/1?x=2")).toBe("/w/acme/loops/1?x=2");
    expect(workspacePath("acme", "/?tab=1")).toBe("/w/acme?tab=1");
    for (const outside of ["/api/loops", "/login", "/w/other/loops", "https://x.test/", "//evil.test", "/workspaces", "/invite/abc"]) {
      expect(workspacePath("acme", outside)).toBe(outside);
    }
  });

  it("splits a workspace path into its slug and the page path", () => {
    expect(splitWorkspacePath("/w/acme")).toEqual({ slug: "acme", rest: "/" });
    expect(splitWorkspacePath("/w/acme/loops/1")).toEqual({ slug: "acme", rest: "/loops/1" });
    expect(splitWorkspacePath("/w/a%20b/x?y=1")).toEqual({ slug: "a b", rest: "/x?y=1" });
    expect(splitWorkspacePath("/loops")).toBeNull();
    expect(splitWorkspacePath("/w/%E0%A4%A")).toBeNull();
  });
});
