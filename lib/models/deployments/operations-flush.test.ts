import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { deploymentOperations, deployments } from "@/db/schema";
import { makeAccount } from "@/lib/auth/testing";
import { modelCreateSchema } from "@/lib/models/schemas";
import { createModel } from "@/lib/models/store";
import { flushOperations, recordOperationSoon } from "./operations-store";

describe("the batched operations log", () => {
  it("still writes a batch when one of its deployments was deleted since its prediction was queued", async () => {
    const db = getDb();
    const account = await makeAccount();
    const model = await createModel(db, account.id, modelCreateSchema.parse({ modelname: "flush", modelkind: "Regressor" }));
    const [kept, gone] = await db
      .insert(deployments)
      .values(["kept", "gone"].map((name) => ({ workspaceId: account.id, deploymentId: `flush-${name}-${model.id}`, modelId: model.id, placement: { node: "any" } as never })))
      .returning({ id: deployments.id });
    const op = (deploymentRowId: string) => ({ deploymentRowId, ownerid: "", source: "predict" as const, input: { data: [[1]] }, output: { prediction: [2] }, explanation: null, latencyMs: 1 });
    recordOperationSoon(db, account.id, op(kept!.id));
    recordOperationSoon(db, account.id, op(gone!.id));
    await db.delete(deployments).where(eq(deployments.id, gone!.id));
    await flushOperations();
    const logged = await db.select({ deployment: deploymentOperations.deploymentRowId }).from(deploymentOperations).where(eq(deploymentOperations.workspaceId, account.id));
    expect(logged).toEqual([{ deployment: kept!.id }]);
  });
});
