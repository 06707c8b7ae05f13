import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getSql } from "@/db/client";
import { LocalBlobStore } from "./disk-store";
import { migrateDiskBlobs, migrateDiskBlobsOnStart } from "./migrate-disk";
import { PostgresBlobStore } from "./postgres-store";
import { getBlobStore } from "./store";
import { sha256Of } from "./types";

const target = new PostgresBlobStore(getSql, 1000);
const fileOf = (root: string, sha: string) => path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);

afterEach(() => {
  delete process.env.CRUCIBLE_BLOB_STORE;
});

describe("moving a disk store into Postgres", () => {
  it("moves every blob, removing each disk copy only once its bytes are in Postgres; repeating is harmless", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-migrate-"));
    const disk = new LocalBlobStore(root);
    const contents = [randomBytes(10), randomBytes(2500), randomBytes(4000), Buffer.alloc(0)];
    const stored = await Promise.all(contents.map((bytes) => disk.put(bytes)));
    // One already in Postgres (an earlier run stopped before removing its disk copy).
    await target.put(contents[1]!);
    // One damaged on disk: its bytes no longer match its name.
    const damaged = await disk.put(randomBytes(50));
    writeFileSync(fileOf(root, damaged.sha256), "bit rot");

    const lines: string[] = [];
    const result = await migrateDiskBlobs(disk, target, (line) => lines.push(line));
    expect(result).toMatchObject({ moved: 4, bytes: 6510, damaged: [damaged.sha256] });
    expect(lines.join("\n")).toMatch(/does not match its address/);
    for (const [i, { sha256 }] of stored.entries()) {
      expect((await target.get(sha256))!.equals(contents[i]!)).toBe(true);
      expect(existsSync(fileOf(root, sha256))).toBe(false);
    }
    expect(await target.has(damaged.sha256)).toBe(false);
    expect(existsSync(fileOf(root, damaged.sha256))).toBe(true);

    expect(await migrateDiskBlobs(disk, target)).toMatchObject({ moved: 0, damaged: [damaged.sha256] });
  });

  it("resumes after an interruption: blobs not moved yet stay on disk", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-migrate-"));
    const disk = new LocalBlobStore(root);
    const contents = [randomBytes(1200), randomBytes(1300), randomBytes(1400)];
    for (const bytes of contents) await disk.put(bytes);
    let commits = 0;
    const failing: typeof target = Object.create(target);
    failing.stage = async (source, max) => {
      const staged = await target.stage(source, max);
      return {
        ...staged,
        sha256: staged.sha256,
        size: staged.size,
        read: () => staged.read(),
        discard: () => staged.discard(),
        commit: async () => {
          if (++commits === 2) throw new Error("the database went away");
          await staged.commit();
        },
      };
    };
    await expect(migrateDiskBlobs(disk, failing)).rejects.toThrow(/went away/);
    // Every blob is on disk or in Postgres (or both), never neither.
    for (const bytes of contents) {
      const sha = sha256Of(bytes);
      expect(existsSync(fileOf(root, sha)) || (await target.has(sha))).toBe(true);
    }
    expect((await migrateDiskBlobs(disk, target)).moved).toBe(2);
    for (const bytes of contents) expect((await target.get(sha256Of(bytes)))!.equals(bytes)).toBe(true);
    expect(existsSync(root)).toBe(false); // nothing left: the emptied folders are removed
  });

  it("runs on start with the Postgres store, from the data folder's blobs/, and not with the disk store", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "crucible-data-"));
    const previous = process.env.CRUCIBLE_DATA_DIR;
    process.env.CRUCIBLE_DATA_DIR = dataDir;
    try {
      const bytes = randomBytes(3000);
      await new LocalBlobStore(path.join(dataDir, "blobs")).put(bytes);
      const lines: string[] = [];
      process.env.CRUCIBLE_BLOB_STORE = "disk";
      await migrateDiskBlobsOnStart((line) => lines.push(line));
      expect(readdirSync(dataDir)).toEqual(["blobs"]);
      delete process.env.CRUCIBLE_BLOB_STORE;
      await migrateDiskBlobsOnStart((line) => lines.push(line));
      expect(lines).toEqual([`moved 1 blob(s) (3000 bytes) into Postgres`]);
      expect((await getBlobStore().get(sha256Of(bytes)))!.equals(bytes)).toBe(true);
      expect(readdirSync(dataDir)).toEqual([]);
      await migrateDiskBlobsOnStart((line) => lines.push(line)); // no folder: nothing to do, nothing said
      expect(lines).toHaveLength(1);
    } finally {
      process.env.CRUCIBLE_DATA_DIR = previous;
      if (previous === undefined) delete process.env.CRUCIBLE_DATA_DIR;
    }
  });
});
