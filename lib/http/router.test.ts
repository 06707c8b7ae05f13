import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRoute } from "./family";
import { platformApi } from "./families";
import { ApiRouter } from "./router";

const ok = async () => ({ status: 200, body: {} });
const router = new ApiRouter([
  defineRoute(platformApi, { method: "GET", path: "/model/all", public: true }, ok),
  defineRoute(platformApi, { method: "POST", path: "/model/:model_id/upload", public: true, body: z.object({}) }, ok),
  defineRoute(platformApi, { method: "PATCH", path: "/model/:model_id", public: true }, ok),
  defineRoute(platformApi, { method: "DELETE", path: "/model/:model_id", public: true }, ok),
]);

describe("ApiRouter", () => {
  it("answers with and without the trailing slash", () => {
    expect(router.match("GET", "/model/all")?.kind).toBe("found");
    expect(router.match("GET", "/model/all/")?.kind).toBe("found");
  });

  it("extracts decoded path parameters", () => {
    const match = router.match("POST", "/model/abc%20def/upload/");
    expect(match).toMatchObject({ kind: "found", params: { model_id: "abc def" } });
  });

  it("prefers static paths over patterns", () => {
    expect(router.match("GET", "/model/all")).toMatchObject({ kind: "found", params: {} });
  });

  it("reports the allowed methods for a known path", () => {
    const match = router.match("PUT", "/model/42");
    expect(match).toMatchObject({ kind: "method-not-allowed", allowed: ["PATCH", "DELETE"] });
  });

  it("returns null for paths that are not API paths", () => {
    expect(router.match("GET", "/models")).toBeNull();
    expect(router.match("GET", "/model/1/upload/extra")).toBeNull();
    expect(router.match("GET", "/")).toBeNull();
  });
});
