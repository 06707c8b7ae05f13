import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { createLoop } from "@/lib/loops/store";
import { modelCreateSchema } from "@/lib/models/schemas";
import { createModel } from "@/lib/models/store";
import { createValidatedRequest } from "@/lib/tasks/create";
import { parseRequestBody } from "@/lib/tasks/request-types";
import { trashLoop } from "@/lib/loops/trash";
import { trashModel } from "@/lib/models/trash";
import { searchWorkspace } from "./store";

async function request(workspaceId: string, instruction: string) {
  const parsed = parseRequestBody("free-text", { instruction });
  if (!parsed.ok) throw new Error("bad request body");
  return (await createValidatedRequest(getDb(), { workspaceId, mode: "live", type: "free-text", params: parsed.params, idempotencyKey: null, keyId: null })).record;
}

describe("workspace search", () => {
  it("finds loops, models and requests by name or id, in the workspace only", async () => {
    const db = getDb();
    const [a, b] = [await makeAccount(), await makeAccount()];
    const loop = await createLoop(db, a.id, "Churn 100% forecast");
    await createLoop(db, b.id, "Churn of theirs");
    const model = await createModel(db, a.id, modelCreateSchema.parse({ modelname: "churn_tree", modelkind: "Classifier" }));
    const asked = await request(a.id, "Is this churn?");
    await request(b.id, "Is this churn too?");

    const hits = await searchWorkspace(db, a.id, "CHURN");
    expect(hits.map((h) => `${h.kind}:${h.id}`).sort()).toEqual([`loop:${loop.id}`, `model:${model.id}`, `request:${asked.id}`].sort());
    expect(await searchWorkspace(db, a.id, asked.id)).toEqual([expect.objectContaining({ kind: "request", id: asked.id, title: "Is this churn?" })]);
    // LIKE's wildcards match only themselves.
    expect((await searchWorkspace(db, a.id, "100%")).map((h) => h.id)).toEqual([loop.id]);
    expect(await searchWorkspace(db, a.id, "c_urn")).toEqual([]);
    expect((await searchWorkspace(db, a.id, "n_t")).map((h) => h.id)).toEqual([model.id]);
    expect(await searchWorkspace(db, a.id, "   ")).toEqual([]);
    expect(await searchWorkspace(db, b.id, asked.id)).toEqual([]);
  });

  it("does not find what is in the trash", async () => {
    const db = getDb();
    const a = await makeAccount();
    const loop = await createLoop(db, a.id, "Trashed forecast");
    const model = await createModel(db, a.id, modelCreateSchema.parse({ modelname: "trashed_tree", modelkind: "Classifier" }));
    expect(await searchWorkspace(db, a.id, "trashed")).toHaveLength(2);
    await trashLoop(db, a.id, loop.id, null);
    await trashModel(db, a.id, model.id, null);
    expect(await searchWorkspace(db, a.id, "trashed")).toEqual([]);
    expect(await searchWorkspace(db, a.id, model.id)).toEqual([]);
  });
});
