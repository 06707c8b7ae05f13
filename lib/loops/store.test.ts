import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getSql } from "@/db/client";
import { loops } from "@/db/schema";
import { makeAccount } from "@/lib/auth/testing";
import { parseDefinition } from "./definition";
import { trainRows, createLoopModel } from "./engine";
import { defineLoop, listenForLoopVersions, loadLoop, trainLoop } from "./store";
import { cache, CHANNEL, ORIGIN } from "./loop-cache";

async function regressionLoop(workspaceId: string) {
  const parsed = parseDefinition({ name: "store", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } });
  if (!parsed.ok) throw new Error("bad definition");
  const defined = await defineLoop(getDb(), workspaceId, null, parsed.definition);
  if (!defined.ok) throw new Error("not defined");
  return defined.loop.id;
}

describe("the loop store", () => {
  it("sees another process's training: the cached model is replaced when the version moves", async () => {
    const account = await makeAccount();
    const loopId = await regressionLoop(account.id);
    const at = new Date().toISOString();
    await trainLoop(getDb(), account.id, loopId, (spec, model) => trainRows(spec, model, [{ x: 1, y: 3 }], at));
    const first = await loadLoop(getDb(), account.id, loopId);
    if (!first.ok) throw new Error("not loaded");
    expect(first.loop.nSeen).toBe(1);

    // Another process learns 5 more examples and writes the row; this process's cache is stale.
    const elsewhere = structuredClone(first.loop.model);
    await trainRows(first.loop.spec, elsewhere, [2, 3, 4, 5, 6].map((x) => ({ x, y: 2 * x + 1 })), at);
    await getDb()
      .update(loops)
      .set({ learnerState: JSON.stringify(elsewhere.learner), monitorState: JSON.stringify(elsewhere.monitor), nSeen: 6, version: first.loop.version + 1, stateVersion: first.loop.version + 1 })
      .where(eq(loops.id, loopId));
    // …and announces the new version, as trainLoop does at commit.
    await listenForLoopVersions();
    await getSql().notify("crucible_loop_versions", `${loopId}:${first.loop.version + 1}`);
    await new Promise((r) => setTimeout(r, 100));

    const second = await loadLoop(getDb(), account.id, loopId);
    if (!second.ok) throw new Error("not loaded");
    expect(second.loop.nSeen).toBe(6);
    expect(JSON.stringify(second.loop.model.learner)).toBe(JSON.stringify(elsewhere.learner));

    // Training here continues from the other process's state, not from the stale cache.
    const trained = await trainLoop(getDb(), account.id, loopId, (spec, model) => trainRows(spec, model, [{ x: 7, y: 15 }], at));
    expect(trained).toMatchObject({ ok: true, nSeen: 7 });
  });

  it("keeps its cache entry on its own commits' notifications, and drops it on another process's", async () => {
    const account = await makeAccount();
    const loopId = await regressionLoop(account.id);
    const at = new Date().toISOString();
    await listenForLoopVersions();
    const trained = await trainLoop(getDb(), account.id, loopId, (spec, model) => trainRows(spec, model, [{ x: 1, y: 3 }], at));
    if (!trained.ok) throw new Error("not trained");
    await new Promise((r) => setTimeout(r, 100)); // this commit's own NOTIFY has arrived by now
    const published = cache.entries.get(loopId)?.loaded;
    expect(published?.version).toBe(trained.version);
    // A later version from this process (as its commit notifies before the writer has published it) keeps the entry…
    await getSql().notify(CHANNEL, `${loopId}:${trained.version + 1}:${ORIGIN}`);
    await new Promise((r) => setTimeout(r, 100));
    expect(cache.entries.get(loopId)?.loaded).toBe(published);
    // …one from another process evicts it, wherever it stands in a notice of several versions.
    await getSql().notify(CHANNEL, `00000000-0000-4000-8000-000000000000:3:another,${loopId}:${trained.version + 1}:another`);
    await new Promise((r) => setTimeout(r, 100));
    expect(cache.entries.has(loopId)).toBe(false);
  });

  it("never builds on a stale cache: a batch that loses the race to another process is learned again on top of it", async () => {
    const account = await makeAccount();
    const loopId = await regressionLoop(account.id);
    const at = new Date().toISOString();
    await trainLoop(getDb(), account.id, loopId, (spec, model) => trainRows(spec, model, [{ x: 1, y: 3 }], at));
    const first = await loadLoop(getDb(), account.id, loopId);
    if (!first.ok) throw new Error("not loaded");

    // Another process commits a newer version, and its NOTIFY has not arrived: the cache here is stale.
    const elsewhere = structuredClone(first.loop.model);
    await trainRows(first.loop.spec, elsewhere, [{ x: 2, y: 5 }], at);
    await getDb()
      .update(loops)
      .set({ learnerState: JSON.stringify(elsewhere.learner), monitorState: JSON.stringify(elsewhere.monitor), nSeen: 2, version: first.loop.version + 1, stateVersion: first.loop.version + 1 })
      .where(eq(loops.id, loopId));

    let calls = 0;
    const trained = await trainLoop(getDb(), account.id, loopId, (spec, model) => {
      calls++;
      return trainRows(spec, model, [{ x: 3, y: 7 }], at);
    });
    expect(trained).toMatchObject({ ok: true, nSeen: 3, version: first.loop.version + 2 });
    expect(calls).toBe(2); // once on the stale copy (not stored), once on the row
    await trainRows(first.loop.spec, elsewhere, [{ x: 3, y: 7 }], at);
    const after = await loadLoop(getDb(), account.id, loopId);
    if (!after.ok) throw new Error("not loaded");
    expect(JSON.stringify(after.loop.model.learner)).toBe(JSON.stringify(elsewhere.learner));
  });

  it("loses no batch when many arrive at once", async () => {
    const account = await makeAccount();
    const loopId = await regressionLoop(account.id);
    const at = new Date().toISOString();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => trainLoop(getDb(), account.id, loopId, (spec, model) => trainRows(spec, model, [{ x: i, y: 2 * i }], at))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    // Arriving together, they are learned as groups (one write each), in arrival order: versions never go back.
    const versions = results.map((r) => (r.ok ? r.version : 0));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[0]).toBeGreaterThan(0);
    const after = await loadLoop(getDb(), account.id, loopId);
    if (!after.ok) throw new Error("not loaded");
    expect(after.loop.nSeen).toBe(20);
    expect(after.loop.model.learner.n_learned).toBe(20);
  });

  it("applies nothing from a failed batch and never exposes a half-applied model", async () => {
    const account = await makeAccount();
    const loopId = await regressionLoop(account.id);
    const before = await loadLoop(getDb(), account.id, loopId);
    if (!before.ok) throw new Error("not loaded");
    const snapshot = JSON.stringify(before.loop.model);
    await expect(
      trainLoop(getDb(), account.id, loopId, async (spec, model) => {
        await trainRows(spec, model, [{ x: 1, y: 2 }], "now");
        throw new Error("crash in the middle of a batch");
      }),
    ).rejects.toThrow(/crash/);
    const after = await loadLoop(getDb(), account.id, loopId);
    if (!after.ok) throw new Error("not loaded");
    expect(JSON.stringify(after.loop.model)).toBe(snapshot);
    expect(after.loop.nSeen).toBe(0);
    expect(JSON.stringify(createLoopModel(before.loop.spec))).toBe(snapshot);
  });
});
