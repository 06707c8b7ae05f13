import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { createLoop } from "@/lib/loops/store";
import { workspaceCounts } from "./summary-store";

describe("workspace counts", () => {
  it("count the workspace's own loops and active keys only", async () => {
    const [a, b] = [await makeAccount(), await makeAccount()];
    await createLoop(getDb(), a.id, "one");
    await createLoop(getDb(), a.id, "two");
    await createLoop(getDb(), b.id, "theirs");
    await makeKey(a.id, { scope: "models" });
    expect(await workspaceCounts(getDb(), a.id)).toEqual({ loops: 2, models: 0, deployments: 0, pendingRequests: 0, activeKeys: 1 });
  });
});
