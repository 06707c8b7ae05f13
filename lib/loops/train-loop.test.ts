import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { parseDefinition } from "./definition";
import { createLoopModel, trainRows } from "./engine";
import { eq } from "drizzle-orm";
import { loopExamples } from "@/db/schema";
import { LOG_GROUP_BYTES } from "./loop-log";
import { cache } from "./loop-cache";
import { defineLoop, loadLoop, trainLoop } from "./store";

async function regressionLoop(workspaceId: string) {
  const parsed = parseDefinition({ name: "groups", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } });
  if (!parsed.ok) throw new Error("bad definition");
  const defined = await defineLoop(getDb(), workspaceId, null, parsed.definition);
  if (!defined.ok) throw new Error("not defined");
  return defined.loop;
}

const at = "2026-01-01T00:00:00.000Z";
const row = (i: number) => ({ x: i % 7, y: 3 * (i % 7) + 1 });

describe("what a group stores", () => {
  it("logs a small request's body, and stores the states for a large one", async () => {
    const account = await makeAccount();
    const loop = await regressionLoop(account.id);
    const logged = (rows: unknown) => ({ text: JSON.stringify({ data: rows }), at });
    const train = (rows: unknown) => trainLoop(getDb(), account.id, loop.id, (spec, model) => trainRows(spec, model, rows, at), undefined, logged(rows));
    const logRows = async () => (await getDb().select().from(loopExamples).where(eq(loopExamples.loopId, loop.id))).length;
    expect((await train(row(1))).ok).toBe(true);
    expect(await logRows()).toBe(1);
    const large = Array.from({ length: 3000 }, (_, i) => row(i));
    expect(JSON.stringify({ data: large }).length).toBeGreaterThan(LOG_GROUP_BYTES);
    expect((await train(large)).ok).toBe(true);
    expect(await logRows()).toBe(0); // a checkpoint: the states, and the log it covers dropped
    const after = await loadLoop(getDb(), account.id, loop.id);
    expect(after.ok && after.loop.nSeen).toBe(3001);
  });
});

describe("training in groups", () => {
  it("learns concurrent requests in arrival order, in fewer writes than requests, as if one after another", async () => {
    const account = await makeAccount();
    const loop = await regressionLoop(account.id);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => trainLoop(getDb(), account.id, loop.id, (spec, model) => trainRows(spec, model, row(i), at))));
    const after = await loadLoop(getDb(), account.id, loop.id);
    if (!after.ok) throw new Error("not loaded");
    expect(after.loop.nSeen).toBe(40);
    expect(after.loop.version).toBeLessThan(40);
    expect(Math.max(...results.map((r) => (r.ok ? r.version : 0)))).toBe(after.loop.version);
    // The same rows learned one by one, in the order they were sent: bit for bit the stored model.
    const alone = createLoopModel(after.loop.spec);
    for (let i = 0; i < 40; i++) await trainRows(after.loop.spec, alone, row(i), at);
    expect(JSON.stringify(after.loop.model)).toBe(JSON.stringify(JSON.parse(JSON.stringify(alone))));
  });

  it("keeps the published monitor and the next group's spare in step, group after group, without copying either", async () => {
    const account = await makeAccount();
    const parsed = parseDefinition({ name: "spare", task_type: "classification", input_schema: { x: "float" }, output_schema: { hot: "boolean" } });
    if (!parsed.ok) throw new Error("bad definition");
    const defined = await defineLoop(getDb(), account.id, null, parsed.definition);
    if (!defined.ok) throw new Error("not defined");
    const id = defined.loop.id;
    // The label flips halfway, so the monitor's drift detectors and event list change along the way.
    const hotRow = (i: number) => ({ x: i % 5, hot: i < 150 ? i % 5 > 2 : i % 5 <= 2 });
    for (let round = 0; round < 15; round++) {
      await Promise.all(Array.from({ length: 20 }, (_, j) => trainLoop(getDb(), account.id, id, (spec, model) => trainRows(spec, model, hotRow(round * 20 + j), at))));
    }
    const entry = cache.entries.get(id)!.loaded;
    expect(entry.spareMonitor).toBeDefined();
    expect(entry.spareMonitor).not.toBe(entry.model.monitor);
    expect(JSON.stringify(entry.spareMonitor)).toBe(JSON.stringify(entry.model.monitor));
    const alone = createLoopModel(entry.spec);
    for (let i = 0; i < 300; i++) await trainRows(entry.spec, alone, hotRow(i), at);
    expect(alone.monitor.events.length).toBeGreaterThan(0);
    expect(entry.version).toBeLessThan(300);
    expect(JSON.stringify(entry.model)).toBe(JSON.stringify(alone));

    // A large group publishes its own monitor (observing it again would cost more than a copy): no spare.
    const large = Array.from({ length: 40 }, (_, i) => hotRow(300 + i));
    await trainLoop(getDb(), account.id, id, (spec, model) => trainRows(spec, model, large, at));
    const after = cache.entries.get(id)!.loaded;
    expect(after.spareMonitor).toBeUndefined();
    await trainRows(entry.spec, alone, large, at);
    expect(JSON.stringify(after.model)).toBe(JSON.stringify(alone));
  });

  it("fails only the request whose learning threw; nothing of it is applied and the rest of its group is", async () => {
    const account = await makeAccount();
    const loop = await regressionLoop(account.id);
    const answers = await Promise.allSettled(
      [0, 1, 2, 3].map((i) =>
        trainLoop(getDb(), account.id, loop.id, async (spec, model) => {
          const outcome = await trainRows(spec, model, row(i), at);
          if (i === 1) throw new Error("crash in the middle of a request");
          return outcome;
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    const after = await loadLoop(getDb(), account.id, loop.id);
    if (!after.ok) throw new Error("not loaded");
    expect(after.loop.nSeen).toBe(3);
    const alone = createLoopModel(after.loop.spec);
    for (const i of [0, 2, 3]) await trainRows(after.loop.spec, alone, row(i), at);
    expect(JSON.stringify(after.loop.model)).toBe(JSON.stringify(JSON.parse(JSON.stringify(alone))));
  });

  it("answers a request of another account as a loop that does not exist, beside the owner's in the same group", async () => {
    const [owner, stranger] = [await makeAccount(), await makeAccount()];
    const loop = await regressionLoop(owner.id);
    const [mine, theirs] = await Promise.all([owner.id, stranger.id].map((workspaceId, i) => trainLoop(getDb(), workspaceId, loop.id, (spec, model) => trainRows(spec, model, row(i), at))));
    expect(mine).toMatchObject({ ok: true, nSeen: 1 });
    expect(theirs).toEqual({ ok: false, reason: "not_found" });
  });

  it("stores many loops' groups together, each exactly once", async () => {
    const account = await makeAccount();
    const ids = await Promise.all(Array.from({ length: 12 }, async () => (await regressionLoop(account.id)).id));
    // Upper case ids too: Postgres answers in lower case, and a write must still be matched to its loop.
    const sendTo = (id: string, i: number) => trainLoop(getDb(), account.id, i % 2 ? id.toUpperCase() : id, (spec, model) => trainRows(spec, model, row(i), at));
    const answers = await Promise.all(ids.flatMap((id, i) => [sendTo(id, i), sendTo(id, i + 1), sendTo(id, i + 2)]));
    expect(answers.every((a) => a.ok)).toBe(true);
    for (const id of ids) {
      const loaded = await loadLoop(getDb(), account.id, id);
      if (!loaded.ok) throw new Error("not loaded");
      expect(loaded.loop.nSeen).toBe(3);
    }
  });
});
