import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loopExamples, loopPredictions, loops, type LoopRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { loopNameProblem, specOf } from "./definition";
import { createLoopModel, type LoopModel } from "./engine";
import { forgetLoopEverywhere } from "./loop-cache";
import { resolveSettings, settingsProblems } from "./settings";
import { storeModel } from "./stored-model";
import type { LearnerSettings, LoopSpec } from "./types";

// The loop page's changes to a loop: its name, and a reset that forgets what was learned (optionally
// with new learner settings, which only a fresh model can take) while the definition stays.

export type ManageResult = { ok: true } | { ok: false; reason: "not_found" | "not_defined" | "invalid"; problems: string[] };

const notFound: ManageResult = { ok: false, reason: "not_found", problems: ["No such loop."] };

export async function renameLoop(db: Database, workspaceId: string, loopId: string, name: string): Promise<ManageResult> {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, reason: "invalid", problems: ["name: must be a non-empty string"] };
  const tooLong = loopNameProblem(trimmed);
  if (tooLong) return { ok: false, reason: "invalid", problems: [tooLong] };
  if (!isUuid(loopId)) return notFound;
  const rows = await db
    .update(loops)
    .set({ name: trimmed })
    .where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), isNull(loops.deletedAt)))
    .returning({ id: loops.id });
  if (rows.length) await forgetLoopEverywhere(loopId);
  return rows.length ? { ok: true } : notFound;
}

/**
 * Starts the loop's model afresh (no example learned, metrics and recent predictions gone) under its
 * definition and `settings` (the stored ones when absent). The version moves on, so every cache and
 * any training group in flight reads the reset model; ids, keys and the definition stay.
 */
export async function resetLoop(db: Database, workspaceId: string, loopId: string, settings?: Partial<LearnerSettings>): Promise<ManageResult> {
  if (!isUuid(loopId)) return notFound;
  const result = await db.transaction(async (tx): Promise<ManageResult> => {
    const [row] = await tx
      .select({ taskType: loops.taskType, inputSchema: loops.inputSchema, outputSchema: loops.outputSchema, settings: loops.settings })
      .from(loops)
      .where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), isNull(loops.deletedAt)))
      .for("update");
    if (!row) return notFound;
    if (!row.taskType || !row.inputSchema || !row.outputSchema) return { ok: false, reason: "not_defined", problems: ["Define the loop first."] };
    const resolved = settings ? resolveSettings(settings) : resolveSettings((row.settings ?? {}) as Partial<LearnerSettings>);
    const problems = settingsProblems(resolved);
    if (problems.length) return { ok: false, reason: "invalid", problems };
    const spec = specOf({ task_type: row.taskType, input_schema: row.inputSchema as LoopSpec["input_schema"], output_schema: row.outputSchema as LoopSpec["input_schema"] }, resolved);
    const fresh: LoopModel = createLoopModel(spec);
    await tx.delete(loopExamples).where(eq(loopExamples.loopId, loopId));
    await tx.delete(loopPredictions).where(eq(loopPredictions.loopId, loopId));
    await tx
      .update(loops)
      .set({
        settings: { ...resolved },
        ...storeModel(fresh),
        metrics: null,
        nSeen: 0,
        version: sql`${loops.version} + 1`,
        stateVersion: sql`${loops.version} + 1`,
        lastTrainedAt: null,
      } satisfies Partial<Record<keyof LoopRow, unknown>>)
      .where(eq(loops.id, loopId));
    return { ok: true };
  });
  if (result.ok) await forgetLoopEverywhere(loopId);
  return result;
}
