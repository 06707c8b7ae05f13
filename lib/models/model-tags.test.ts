import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { createModel, listModels, listModelTags } from "./store";
import { modelCreateSchema } from "./schemas";

describe("model tags", () => {
  it("lists an account's distinct tags and filters models by one, never another account's", async () => {
    const [a, b] = [await makeAccount(), await makeAccount()];
    const db = getDb();
    const make = (workspaceId: string, modelname: string, modeltags: string[]) =>
      createModel(db, workspaceId, modelCreateSchema.parse({ modelname, modelkind: "regression", modeltags }));
    await make(a.id, "one", ["fraud", "prod"]);
    await make(a.id, "two", ["prod"]);
    await make(b.id, "other", ["secret"]);
    expect(await listModelTags(db, a.id)).toEqual(["fraud", "prod"]);
    const tagged = await listModels(db, a.id, { skip: 0, limit: 10, tags: ["fraud"] });
    expect(tagged.map((m) => m.model.modelname)).toEqual(["one"]);
  });
});
