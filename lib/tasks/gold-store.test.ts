import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { goldAccuracy } from "./consensus/gold-accuracy";
import { DEFAULT_GOLD_SETTINGS, goldSettingsOf, goldStanding, isGoldDue, isPaused, updateGoldSettings } from "./gold-store";

describe("isGoldDue", () => {
  it("keeps gold at the rate exactly, the first task being gold", () => {
    let gold = 0;
    const pattern: boolean[] = [];
    for (let tasks = 0; tasks < 20; tasks++) {
      const due = isGoldDue(0.1, tasks, gold);
      pattern.push(due);
      if (due) gold++;
    }
    expect(pattern.filter(Boolean)).toHaveLength(2);
    expect(pattern[0]).toBe(true);
    expect(isGoldDue(0, 0, 0)).toBe(false);
  });
});

describe("isPaused", () => {
  const rule = { rate: 0.1, minAccuracy: 0.7, minAnswers: 3 };
  it("pauses only from minAnswers on, when even the interval's upper end is below the threshold", () => {
    expect(isPaused(goldAccuracy(0, 2), rule)).toBe(false);
    expect(isPaused(goldAccuracy(0, 3), rule)).toBe(true);
    expect(isPaused(goldAccuracy(2, 3), rule)).toBe(false);
    expect(isPaused(goldAccuracy(0, 3), { ...rule, minAccuracy: 0 })).toBe(false);
  });
});

describe("gold settings", () => {
  it("default to 10% gold and the rule 60% after 10 answers, and are stored per workspace", async () => {
    const db = getDb();
    const { id } = await makeAccount();
    expect(await goldSettingsOf(db, id)).toEqual(DEFAULT_GOLD_SETTINGS);
    await updateGoldSettings(db, id, { rate: 0.25, minAccuracy: 0.8, minAnswers: 4 });
    expect(await goldSettingsOf(db, id)).toEqual({ rate: 0.25, minAccuracy: expect.closeTo(0.8, 5), minAnswers: 4 });
    expect(await goldStanding(db, id, "0".repeat(32))).toMatchObject({ tasks: 0, goldTasks: 0, paused: false, goldDue: true, accuracy: { total: 0 } });
  });
});
