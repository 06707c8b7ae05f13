import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { modelFiles, type ModelFileRow, type TrainingJobRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { listTrainingJobs } from "@/lib/models/training/store";
import { lineageOf, type ModelLineage } from "./lineage";

/** Training runs shown on a model page (its history), newest first. */
export const HISTORY_JOBS = 50;

/** A model's training history and, for each retrained version, the job, data and code it came from. */
export async function modelLineage(db: Database, workspaceId: string, modelId: string): Promise<ModelLineage> {
  if (!isUuid(modelId)) return lineageOf([], []);
  const [jobs, inputs]: [TrainingJobRow[], ModelFileRow[]] = await Promise.all([
    listTrainingJobs(db, workspaceId, { skip: 0, limit: HISTORY_JOBS, modelId }),
    db
      .select()
      .from(modelFiles)
      .where(and(eq(modelFiles.workspaceId, workspaceId), eq(modelFiles.modelId, modelId), isNull(modelFiles.version)))
      .orderBy(asc(modelFiles.createdAt), asc(modelFiles.id)),
  ]);
  return lineageOf(jobs, inputs);
}
