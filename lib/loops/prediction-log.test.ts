import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { parseDefinition } from "./definition";
import { recentPredictions, recordPredictions } from "./prediction-log";
import { defineLoop } from "./store";
import type { Prediction } from "./types";

const prediction: Prediction = {
  value: "yes",
  probabilities: { yes: 0.7, no: 0.3 },
  explanation: { top_contributors: [], baseline: 0, margin: 0.8, units: "centred_logit", other: 0.8, status: "ok", n_seen: 12 },
};

describe("recent predictions", () => {
  it("keeps the newest 50 per loop, readable only by the owner", async () => {
    const account = await makeAccount();
    const other = await makeAccount();
    const parsed = parseDefinition({ name: "log", task_type: "classification", input_schema: { x: "float" }, output_schema: { y: "string" } });
    if (!parsed.ok) throw new Error("bad definition");
    const defined = await defineLoop(getDb(), account.id, null, parsed.definition);
    if (!defined.ok) throw new Error("not defined");
    for (let i = 0; i < 12; i++) {
      await recordPredictions(getDb(), account.id, defined.loop.id, i, Array.from({ length: 5 }, (_, j) => ({ input: { x: i * 5 + j }, prediction })));
    }
    const recent = await recentPredictions(getDb(), account.id, defined.loop.id, 100);
    expect(recent).toHaveLength(50);
    expect(recent[0]).toMatchObject({ input: { x: 59 }, value: "yes", probabilities: { yes: 0.7, no: 0.3 }, modelVersion: 11 });
    expect(await recentPredictions(getDb(), other.id, defined.loop.id)).toEqual([]);
  });
});
