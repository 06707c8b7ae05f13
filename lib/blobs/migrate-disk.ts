import { createReadStream } from "node:fs";
import { readdir, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { LocalBlobStore } from "./disk-store";
import { blobStoreKind, diskBlobRoot, getBlobStore } from "./store";
import type { BlobStore } from "./types";

export interface DiskMigration {
  /** Blobs now in the target store whose disk copy was removed. */
  moved: number;
  bytes: number;
  /** Disk files whose bytes do not match their name (left where they are, and logged). */
  damaged: string[];
}

/**
 * Moves every blob of a disk store into `target`, one at a time: streamed in (never whole in
 * memory), checked against its address, committed, and only then removed from disk. Safe to repeat
 * and to interrupt: a blob already in the target just loses its disk copy, and a crash leaves each
 * blob on disk, in the target, or both — never neither. Another process migrating the same folder
 * at the same time is harmless (equal bytes are one blob).
 */
export async function migrateDiskBlobs(source: LocalBlobStore, target: BlobStore, log: (line: string) => void = () => {}): Promise<DiskMigration> {
  const result: DiskMigration = { moved: 0, bytes: 0, damaged: [] };
  for await (const blob of source.list()) {
    const file = path.join(source.root, blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256);
    if (!(await target.has(blob.sha256))) {
      let staged;
      try {
        staged = await target.stage(createReadStream(file), Infinity);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // moved by another process meanwhile
        throw error;
      }
      if (staged.sha256 !== blob.sha256) {
        await staged.discard();
        result.damaged.push(blob.sha256);
        log(`blob ${blob.sha256} on disk does not match its address; left in ${file}`);
        continue;
      }
      await staged.commit();
    }
    await source.delete(blob.sha256);
    result.moved++;
    result.bytes += blob.size;
    if (result.moved % 100 === 0) log(`moving blobs into Postgres: ${result.moved} so far`);
  }
  await removeEmptyFolders(source.root);
  return result;
}

/** The `ab/cd` folders left empty, and the root itself when nothing else is in it. */
async function removeEmptyFolders(root: string): Promise<void> {
  for (const sub of ["incoming", ...(await readdir(root).catch(() => []))]) {
    const first = path.join(root, sub);
    for (const second of await readdir(first).catch(() => [])) await rmdir(path.join(first, second)).catch(() => {});
    await rmdir(first).catch(() => {});
  }
  await rmdir(root).catch(() => {});
}

/**
 * On start, with the Postgres store: blobs an earlier version kept in `<data dir>/blobs` are moved
 * into Postgres before the server answers, so no file goes missing. Nothing happens without that folder.
 */
export async function migrateDiskBlobsOnStart(log: (line: string) => void): Promise<void> {
  if (blobStoreKind() !== "postgres") return;
  const root = diskBlobRoot();
  if (!(await stat(root).catch(() => null))?.isDirectory()) return;
  const { moved, bytes, damaged } = await migrateDiskBlobs(new LocalBlobStore(root), getBlobStore(), log);
  if (moved || damaged.length) log(`moved ${moved} blob(s) (${bytes} bytes) into Postgres${damaged.length ? `; ${damaged.length} damaged file(s) left in ${root}` : ""}`);
}
