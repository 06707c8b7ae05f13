import type { ModelFileRow, TrainingJobRow } from "@/db/schema";

export interface LineageInput {
  filekind: string;
  filename: string;
  sha256: string;
  size: number;
}

export interface LineageJob {
  id: string;
  status: string;
  trigger: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  resultVersion: number | null;
  promoted: boolean;
  metrics: Record<string, number> | null;
  reason: string | null;
  /** The data, code and requirements files the run read: the newest of each kind when it started. */
  inputs: LineageInput[];
}

export interface ModelLineage {
  /** Newest first. */
  jobs: LineageJob[];
  /** Retrained version → the run that made it. Uploaded versions have none. */
  byVersion: Record<number, LineageJob>;
}

const numericMetrics = (value: unknown): Record<string, number> | null => {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value).filter((e): e is [string, number] => typeof e[1] === "number");
  return entries.length ? Object.fromEntries(entries) : null;
};

/**
 * Pure: which input files each run read. Files are never changed, only added, so the newest file of
 * a kind uploaded before the run started is the one it trained with.
 */
export function lineageOf(jobs: TrainingJobRow[], inputFiles: ModelFileRow[]): ModelLineage {
  const history = jobs.map((job): LineageJob => {
    const at = (job.startedAt ?? job.createdAt).getTime();
    const newest = new Map<string, ModelFileRow>();
    for (const file of inputFiles) if (file.createdAt.getTime() <= at) newest.set(file.filekind, file);
    return {
      id: job.id,
      status: job.status,
      trigger: job.trigger,
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      resultVersion: job.resultVersion,
      promoted: job.promoted,
      metrics: numericMetrics(job.metrics),
      reason: job.reason,
      inputs: ["data", "code", "env"].flatMap((kind) => {
        const f = newest.get(kind);
        return f ? [{ filekind: kind, filename: f.filename, sha256: f.sha256, size: f.size }] : [];
      }),
    };
  });
  const byVersion: Record<number, LineageJob> = {};
  for (const job of history) if (job.resultVersion !== null && !(job.resultVersion in byVersion)) byVersion[job.resultVersion] = job;
  return { jobs: history, byVersion };
}
