import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loopExamples, loops } from "@/db/schema";
import { makeAccount } from "@/lib/auth/testing";
import { parseDefinition } from "./definition";
import { createLoopModel, trainRows } from "./engine";
import { cache } from "./loop-cache";
import { defineLoop, loadLoop, modelDocument, trainLoop } from "./store";

async function regressionLoop(workspaceId: string) {
  const parsed = parseDefinition({ name: "log", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } });
  if (!parsed.ok) throw new Error("bad definition");
  const defined = await defineLoop(getDb(), workspaceId, null, parsed.definition);
  if (!defined.ok) throw new Error("not defined");
  return defined.loop.id;
}

/** A /train/ request as the API sends it to the store: learned from its body text, which is logged. */
function sendBody(workspaceId: string, loopId: string, text: string, at: string) {
  const data = (JSON.parse(text) as { data: unknown }).data;
  return trainLoop(getDb(), workspaceId, loopId, (spec, model, pacer) => trainRows(spec, model, data, at, pacer), { rows: 1, bytes: text.length }, { text, at });
}

const bodies = Array.from({ length: 30 }, (_, i) => (i === 7 ? '{"data": {"x": -0, "y": 1}}' : JSON.stringify({ data: { x: (i % 9) / 3, y: i % 5 } })));
const atOf = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();

async function stored(loopId: string) {
  const [row] = await getDb().select({ version: loops.version, stateVersion: loops.stateVersion }).from(loops).where(eq(loops.id, loopId));
  const logged = await getDb().select({ version: loopExamples.version }).from(loopExamples).where(eq(loopExamples.loopId, loopId));
  return { ...row!, logged: logged.length };
}

describe("the loop's log of batches", () => {
  it("stores small batches as their requests, and a reader that learns them again gets the same model bit for bit", async () => {
    const account = await makeAccount();
    const loopId = await regressionLoop(account.id);
    for (let i = 0; i < 10; i++) expect(await sendBody(account.id, loopId, bodies[i]!, atOf(i))).toMatchObject({ ok: true, nSeen: i + 1 });
    await Promise.all(bodies.slice(10).map((text, j) => sendBody(account.id, loopId, text, atOf(10 + j))));
    const kept = await stored(loopId);
    expect(kept.stateVersion).toBeLessThan(kept.version);
    expect(kept.logged).toBe(kept.version - kept.stateVersion);

    const cached = await loadLoop(getDb(), account.id, loopId);
    if (!cached.ok) throw new Error("not loaded");
    cache.entries.delete(loopId); // as another process, or this one after a restart, reads it
    const read = await loadLoop(getDb(), account.id, loopId);
    if (!read.ok) throw new Error("not loaded");
    expect(read.loop.nSeen).toBe(30);
    expect(JSON.stringify(read.loop.model)).toBe(JSON.stringify(cached.loop.model));
    const alone = createLoopModel(read.loop.spec);
    for (let i = 0; i < 30; i++) await trainRows(read.loop.spec, alone, (JSON.parse(bodies[i]!) as { data: unknown }).data, atOf(i));
    expect(JSON.stringify(read.loop.model)).toBe(JSON.stringify(alone));
    const document = await modelDocument(getDb(), account.id, loopId);
    expect(JSON.stringify(document!.model)).toBe(JSON.stringify(alone));

    // Training goes on from the model read back.
    expect(await sendBody(account.id, loopId, bodies[0]!, atOf(31))).toMatchObject({ ok: true, nSeen: 31 });
  });

  it("stores the states, and drops the batches they cover, when a batch cannot be logged", async () => {
    const account = await makeAccount();
    const loopId = await regressionLoop(account.id);
    for (let i = 0; i < 5; i++) await sendBody(account.id, loopId, bodies[i]!, atOf(i));
    expect((await stored(loopId)).logged).toBeGreaterThan(0);
    await trainLoop(getDb(), account.id, loopId, (spec, model) => trainRows(spec, model, { x: 1, y: 2 }, atOf(6)));
    expect(await stored(loopId)).toEqual({ version: 6, stateVersion: 6, logged: 0 });
    cache.entries.delete(loopId);
    const read = await loadLoop(getDb(), account.id, loopId);
    expect(read).toMatchObject({ ok: true, loop: { nSeen: 6, version: 6 } });
  });
});
