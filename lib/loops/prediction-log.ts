import { and, desc, eq, lte, sql } from "drizzle-orm";
import { onBeforeClose, type Database } from "@/db/client";
import { loopPredictions } from "@/db/schema";
import type { Prediction } from "./types";
import { processSingleton } from "@/lib/process-singleton";

/**
 * The loop page shows a few recent predictions. Recording every prediction would put a write on the
 * hot /predict/ path, so each process records at most one batch (of up to 5 rows) per loop per
 * second, off the request's critical path, and keeps the newest KEEP rows per loop.
 */
const KEEP = 50;
const PER_BATCH = 5;
const INTERVAL_MS = 1000;

const lastRecorded = processSingleton("loops.logAt", () => new Map<string, number>());
/** Recordings still being written; the pool waits for them before it closes. */
const writing = processSingleton("loops.logWrites", () => new Set<Promise<void>>());
const settleWrites = () => Promise.allSettled([...writing]);
onBeforeClose(settleWrites);

export interface RecordedPrediction {
  input: Record<string, unknown>;
  prediction: Prediction;
}

/**
 * Records the predictions of this request if the loop's interval has passed. `items` is a function, so
 * that the requests that record nothing (nearly all, under load) do not even build the list; `db` may
 * be one too, for the same reason.
 */
export function recordPredictionsLater(
  database: Database | (() => Database),
  workspaceId: string,
  loopId: string,
  modelVersion: number,
  items: RecordedPrediction[] | (() => RecordedPrediction[]),
): void {
  const now = Date.now();
  if (now - (lastRecorded.get(loopId) ?? 0) < INTERVAL_MS) return;
  const list = typeof items === "function" ? items() : items;
  if (!list.length) return;
  lastRecorded.set(loopId, now);
  const db = typeof database === "function" ? database() : database;
  const write = recordPredictions(db, workspaceId, loopId, modelVersion, list.slice(0, PER_BATCH))
    .catch((error: unknown) => {
      console.error("recording predictions failed", error);
    })
    .finally(() => writing.delete(write));
  writing.add(write);
}

export async function recordPredictions(db: Database, workspaceId: string, loopId: string, modelVersion: number, items: RecordedPrediction[]): Promise<void> {
  await db
    .insert(loopPredictions)
    .values(items.map(({ input, prediction }) => ({ workspaceId, loopId, modelVersion, input, output: { value: prediction.value, probabilities: prediction.probabilities ?? null }, explanation: { ...prediction.explanation } })));
  const cutoff = db
    .select({ id: loopPredictions.id })
    .from(loopPredictions)
    .where(eq(loopPredictions.loopId, loopId))
    .orderBy(desc(loopPredictions.id))
    .offset(KEEP)
    .limit(1);
  await db.delete(loopPredictions).where(and(eq(loopPredictions.loopId, loopId), lte(loopPredictions.id, sql`(${cutoff})`)));
}

export interface RecentPrediction {
  id: number;
  input: Record<string, unknown>;
  value: unknown;
  probabilities: Record<string, number> | null;
  explanation: Prediction["explanation"];
  modelVersion: number;
  createdAt: string;
}

export async function recentPredictions(db: Database, workspaceId: string, loopId: string, limit = 10): Promise<RecentPrediction[]> {
  const rows = await db
    .select()
    .from(loopPredictions)
    .where(and(eq(loopPredictions.loopId, loopId), eq(loopPredictions.workspaceId, workspaceId)))
    .orderBy(desc(loopPredictions.id))
    .limit(limit);
  return rows.map((r) => {
    const output = r.output as { value: unknown; probabilities: Record<string, number> | null };
    return {
      id: r.id,
      input: r.input,
      value: output.value,
      probabilities: output.probabilities,
      explanation: r.explanation as unknown as Prediction["explanation"],
      modelVersion: r.modelVersion,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
