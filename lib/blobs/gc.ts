import { inArray } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { getDb, type Database } from "@/db/client";
import { modelFiles, taskFiles } from "@/db/schema";
import { QUEUES } from "@/lib/jobs/boss";
import { getBlobStore, type BlobStore } from "./store";

// Blobs are content-addressed and shared: one blob may back files of several models, versions,
// accounts and human-task answers. A blob is removed only when no row refers to it any more and it
// was last stored before a grace period, so the blob of an upload in flight (stored, its row not yet
// inserted) is never removed: storing bytes that already exist renews them.

/** A blob must have been last stored this long ago before it can be removed (1 hour). */
export const BLOB_GRACE_MS = 60 * 60 * 1000;
/** Abandoned writes (temporary files on disk, unfinished uploads in Postgres) are removed once untouched this long (1 day). */
export const TEMPORARY_FILE_GRACE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
const SHA256 = /^[0-9a-f]{64}$/;

export interface BlobCollection {
  /** Blobs looked at (past the grace period, or the ones asked about). */
  examined: number;
  /** Addresses of the blobs removed. */
  deleted: string[];
  temporaryFilesRemoved: number;
}

export interface CollectOptions {
  graceMs?: number;
  temporaryGraceMs?: number;
  now?: Date;
  /** Only these addresses (e.g. the files of a model just deleted) instead of the whole store. */
  only?: Iterable<string>;
}

/** The addresses among `candidates` that some row still refers to. */
async function referenced(db: Database, candidates: string[]): Promise<Set<string>> {
  const [files, answers] = await Promise.all([
    db.selectDistinct({ sha256: modelFiles.sha256 }).from(modelFiles).where(inArray(modelFiles.sha256, candidates)),
    db.selectDistinct({ sha256: taskFiles.sha256 }).from(taskFiles).where(inArray(taskFiles.sha256, candidates)),
  ]);
  return new Set([...files, ...answers].map((row) => row.sha256));
}

/**
 * Removes the blobs no model file or task file refers to, last stored before the grace period.
 * With `only`, just those addresses are considered; otherwise the whole store is swept and
 * abandoned writes are removed too.
 */
export async function collectUnreferencedBlobs(db: Database, store: BlobStore, options: CollectOptions = {}): Promise<BlobCollection> {
  const now = options.now?.getTime() ?? Date.now();
  const storedBefore = new Date(now - (options.graceMs ?? BLOB_GRACE_MS));
  const result: BlobCollection = { examined: 0, deleted: [], temporaryFilesRemoved: 0 };

  const judge = async (batch: string[]) => {
    result.examined += batch.length;
    const inUse = await referenced(db, batch);
    for (const sha256 of batch) {
      if (!inUse.has(sha256) && (await store.delete(sha256, { storedBefore }))) result.deleted.push(sha256);
    }
  };

  if (options.only) {
    const wanted = [...new Set([...options.only].map((s) => s.toLowerCase()).filter((s) => SHA256.test(s)))];
    for (let i = 0; i < wanted.length; i += BATCH) await judge(wanted.slice(i, i + BATCH));
    return result;
  }

  let batch: string[] = [];
  for await (const blob of store.list()) {
    if (blob.storedAt.getTime() >= storedBefore.getTime()) continue;
    batch.push(blob.sha256);
    if (batch.length === BATCH) {
      await judge(batch);
      batch = [];
    }
  }
  if (batch.length) await judge(batch);
  result.temporaryFilesRemoved = await store.removeStaleTemporaryFiles(new Date(now - (options.temporaryGraceMs ?? TEMPORARY_FILE_GRACE_MS)));
  return result;
}

/**
 * After rows went away (a model deleted): removes those of their blobs nothing else refers to.
 * Never fails the caller; what it cannot do now the scheduled sweep does later.
 */
export async function collectBlobsOf(db: Database, sha256s: string[], store: BlobStore = getBlobStore()): Promise<void> {
  if (!sha256s.length) return;
  try {
    const { deleted } = await collectUnreferencedBlobs(db, store, { only: sha256s });
    if (deleted.length) console.log(`[crucible] removed ${deleted.length} unreferenced blob(s)`);
  } catch (error) {
    console.error("[crucible] blob collection failed:", (error as Error).message);
  }
}

/** pg-boss cron of the full sweep (CRUCIBLE_BLOB_GC_SCHEDULE, default hourly at minute 41). */
export function blobGcSchedule(): string {
  return process.env.CRUCIBLE_BLOB_GC_SCHEDULE || "41 * * * *";
}

/** The scheduled sweep of the whole blob store. */
export async function registerBlobGcWorkers(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.blobGc, { batchSize: 1 }, async () => {
    const { examined, deleted, temporaryFilesRemoved } = await collectUnreferencedBlobs(getDb(), getBlobStore());
    if (deleted.length || temporaryFilesRemoved) {
      console.log(`[crucible] blob sweep: ${deleted.length} of ${examined} old blob(s) unreferenced and removed, ${temporaryFilesRemoved} abandoned write(s)`);
    }
  });
  await boss.schedule(QUEUES.blobGc, blobGcSchedule(), {}, { singletonKey: "blob-gc", expireInSeconds: 60 * 60, retryLimit: 0 });
}
