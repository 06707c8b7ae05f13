import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { taskConsensusModels } from "@/db/schema";
import { makeAccount } from "@/lib/auth/testing";
import { posteriorOf } from "./consensus/adaptive-overlap";
import { decideDawidSkene } from "./consensus-decision";
import { consensusKindOf, consensusModelFor, fitFromHistory, listConsensusModels, NEWCOMER_ACCURACY, newcomerModel, refitStaleConsensusModels } from "./consensus-models";
import { parseRequestBody, type RequestParams } from "./request-types";

const choiceParams = (choices: string[], extra: Record<string, unknown> = {}) => {
  const parsed = parseRequestBody("multiple-choice", { instruction: "Which?", choices, max_answers: 1, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.params as RequestParams;
};

describe("consensus kinds", () => {
  it("names multiple-choice with one answer, and each rating scale, and nothing else", () => {
    expect(consensusKindOf("multiple-choice", choiceParams(["a", "b", "c"]))?.kind).toBe("multiple-choice");
    const rating = parseRequestBody("rating", { instruction: "How?", rating_min: 1, rating_max: 5 });
    expect(rating.ok && consensusKindOf("rating", rating.params)?.kind).toBe("rating:1:5:1");
    const several = parseRequestBody("multiple-choice", { instruction: "Which?", choices: ["a", "b"] });
    expect(several.ok && consensusKindOf("multiple-choice", several.params)).toBeNull();
  });
});

describe("newcomerModel", () => {
  it("gives one answer NEWCOMER_ACCURACY and two agreeing answers more than 0.9", () => {
    const model = newcomerModel(3);
    expect(posteriorOf(model, 3, [{ cruncherId: "x", label: 1 }])[1]).toBeCloseTo(NEWCOMER_ACCURACY, 10);
    expect(posteriorOf(model, 3, [{ cruncherId: "x", label: 1 }, { cruncherId: "y", label: 1 }])[1]).toBeGreaterThan(0.9);
  });
});

describe("fitFromHistory", () => {
  const choices = ["a", "b", "c"];
  const params = choiceParams(choices);
  // Three careful crunchers always right; a spammer always picks the first choice.
  const rows = Array.from({ length: 30 }, (_, i) => {
    const truth = choices[i % 3]!;
    return ["good1", "good2", "good3", "spammer"].map((cruncherId) => ({
      requestId: `r${i}`,
      cruncherId,
      type: "multiple-choice",
      params,
      answer: [cruncherId === "spammer" ? "a" : truth],
      gold: false,
    }));
  }).flat();

  it("learns each cruncher's confusion matrix: the spammer's answer carries little weight", () => {
    const { model, answers } = fitFromHistory("multiple-choice", rows, 2);
    expect(answers).toBe(120);
    expect(model.classes).toBe(3);
    expect(model.confusion.good1![1]![1]).toBeGreaterThan(0.8);
    expect(model.confusion.spammer![1]![0]).toBeGreaterThan(0.8);
    const decided = decideDawidSkene(model, consensusKindOf("multiple-choice", params)!.mapping, { strategy: "dawid-skene", min_confidence: 0.9, max_crunchers: 3 }, [
      { cruncherId: "spammer", answer: ["a"] },
      { cruncherId: "good1", answer: ["b"] },
    ]);
    expect(decided).toMatchObject({ state: "complete", response: ["b"], answers: 2 });
  });

  it("leaves other kinds out and clamps gold to its known answer; no history gives the newcomer model", () => {
    const other = { ...rows[0]!, type: "free-text", params: { instruction: "x" } as RequestParams, answer: "x" };
    expect(fitFromHistory("multiple-choice", [other], 2)).toEqual({ model: newcomerModel(2), answers: 0 });
    const gold = { requestId: "g", cruncherId: "liar", type: "multiple-choice", params: choiceParams(choices, { gold: "c" }), answer: ["a"], gold: true };
    const { model } = fitFromHistory("multiple-choice", [...rows, gold, { ...gold, requestId: "g2" }], 2);
    // The liar answered "a" where the truth was "c": their matrix shows it.
    expect(model.confusion.liar![2]![0]).toBeGreaterThan(model.confusion.liar![2]![2]!);
  });
});

describe("stored models", () => {
  it("are fitted on demand, refitted when a request offers more classes, and by the periodic refit when stale", async () => {
    const db = getDb();
    const { id: workspaceId } = await makeAccount();
    expect((await consensusModelFor(db, workspaceId, "multiple-choice", 3)).classes).toBe(3);
    expect((await consensusModelFor(db, workspaceId, "multiple-choice", 2)).classes).toBe(3);
    expect((await consensusModelFor(db, workspaceId, "multiple-choice", 5)).classes).toBe(5);
    expect(await listConsensusModels(db, workspaceId)).toEqual([expect.objectContaining({ kind: "multiple-choice", answers: 0 })]);
    await db.update(taskConsensusModels).set({ fittedAt: sql`now() - interval '1 hour'` }).where(sql`${taskConsensusModels.workspaceId} = ${workspaceId}`);
    expect(await refitStaleConsensusModels(db)).toBeGreaterThanOrEqual(1);
    const [refitted] = await listConsensusModels(db, workspaceId);
    expect(Date.now() - refitted!.fittedAt.getTime()).toBeLessThan(60_000);
    expect((refitted!.model as { classes: number }).classes).toBe(5);
  });
});
