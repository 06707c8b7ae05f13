import { describe, expect, it } from "vitest";
import { servedDeploymentIds, servingOnlyRouter } from "./serving-only";

// The router of a serving-only server; the server itself is run as a separate process in
// lib/deploy/image-commands.test.ts (from the manifest GET /deployment/{id}/manifest writes).
describe("serving-only mode", () => {
  it("reads the ids from CRUCIBLE_SERVE_DEPLOYMENTS, and nothing set means the full server", () => {
    expect(servedDeploymentIds({} as unknown as NodeJS.ProcessEnv)).toBeNull();
    expect([...servedDeploymentIds({ CRUCIBLE_SERVE_DEPLOYMENTS: " dep-a, dep-b ,," } as unknown as NodeJS.ProcessEnv)!]).toEqual(["dep-a", "dep-b"]);
    expect(() => servedDeploymentIds({ CRUCIBLE_SERVE_DEPLOYMENTS: " , " } as unknown as NodeJS.ProcessEnv)).toThrow(/names no deployment/);
  });

  it("routes /healthz and the inference routes only, and answers 404 for another deployment", async () => {
    const router = servingOnlyRouter(new Set(["dep-a"]));
    expect(router.list().map((r) => `${r.method} ${r.path}`).sort()).toEqual(["GET /healthz", "POST /deployment/:deployment_id/predict", "POST /deployment/:deployment_id/prediction"]);
    for (const path of ["/model/all", "/deployment/all", "/deployment/dep-a/manifest", "/definitions/", "/api/deployments"]) expect(router.match("GET", path)).toBeNull();
    const other = router.match("POST", "/deployment/dep-b/predict");
    expect(other?.kind).toBe("found");
    if (other?.kind !== "found") return;
    const response = await other.handle({ method: "POST", path: "/deployment/dep-b/predict", params: other.params, query: new URLSearchParams(), headers: {}, body: Buffer.from("{}"), signal: new AbortController().signal });
    expect(response).toMatchObject({ status: 404, body: { detail: "Deployment not found" } });
  });
});
