import { mkdtempSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { LocalBlobStore } from "./disk-store";
import { BlobTooLargeError, sha256Of } from "./types";

describe("LocalBlobStore", () => {
  it("stores bytes once under ab/cd/<sha256> and reads them back", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-"));
    const store = new LocalBlobStore(root);
    const bytes = Buffer.from("hello blobs");
    const sha = sha256Of(bytes);
    expect(await store.has(sha)).toBe(false);
    expect(await store.get(sha)).toBeNull();
    const [a, b] = await Promise.all([store.put(bytes), store.put(bytes)]);
    expect(a).toEqual({ sha256: sha, size: bytes.length });
    expect(b).toEqual(a);
    const file = path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual([sha]); // no temporary files left behind
    expect((await store.get(sha))!.equals(bytes)).toBe(true);
    expect(await store.has(sha)).toBe(true);
    expect(await store.get("../../etc/passwd")).toBeNull();
  });
});

describe("LocalBlobStore reading", () => {
  it("opens a blob for streaming, whole or a range", async () => {
    const store = new LocalBlobStore(mkdtempSync(path.join(os.tmpdir(), "blobs-")));
    const bytes = Buffer.from("0123456789abcdef");
    const { sha256 } = await store.put(bytes);
    const blob = (await store.open(sha256))!;
    expect(blob.size).toBe(16);
    const read = async (stream: Readable) => Buffer.concat(await stream.toArray());
    expect((await read(blob.stream())).equals(bytes)).toBe(true);
    expect((await read(blob.stream({ start: 3, end: 9 }))).toString()).toBe("3456789");
    expect(await store.open(sha256Of(Buffer.from("absent")))).toBeNull();
    expect(await store.open("../x")).toBeNull();
  });
});

describe("LocalBlobStore listing and deletion", () => {
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
  const fileOf = (root: string, sha: string) => path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  const names = (dir: string) => readdirSync(dir).sort();

  it("lists every blob with its size and when it was last stored; a put of stored bytes renews it", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-"));
    const store = new LocalBlobStore(root);
    const listed = async () => {
      const out: { sha256: string; size: number; storedAt: Date }[] = [];
      for await (const blob of store.list()) out.push(blob);
      return out.sort((a, b) => a.sha256.localeCompare(b.sha256));
    };
    expect(await listed()).toEqual([]);
    const a = await store.put(Buffer.from("a"));
    const b = await store.put(Buffer.from("bb"));
    // Not blobs: a temporary file and a stray file.
    writeFileSync(`${fileOf(root, a.sha256)}.00000000-0000-0000-0000-000000000000.tmp`, "half");
    writeFileSync(path.join(root, "README"), "x");
    expect((await listed()).map(({ sha256, size }) => ({ sha256, size }))).toEqual([a, b].sort((x, y) => x.sha256.localeCompare(y.sha256)));

    utimesSync(fileOf(root, a.sha256), hoursAgo(3), hoursAgo(3));
    expect((await listed()).find((x) => x.sha256 === a.sha256)!.storedAt.getTime()).toBeLessThan(hoursAgo(2).getTime());
    await store.put(Buffer.from("a"));
    expect((await listed()).find((x) => x.sha256 === a.sha256)!.storedAt.getTime()).toBeGreaterThan(hoursAgo(0.1).getTime());
  });

  it("deletes only blobs last stored before the given time, leaving nothing behind", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-"));
    const store = new LocalBlobStore(root);
    const old = await store.put(Buffer.from("old"));
    const fresh = await store.put(Buffer.from("fresh"));
    utimesSync(fileOf(root, old.sha256), hoursAgo(2), hoursAgo(2));

    expect(await store.delete(fresh.sha256, { storedBefore: hoursAgo(1) })).toBe(false);
    expect(await store.has(fresh.sha256)).toBe(true);
    expect(await store.delete(old.sha256, { storedBefore: hoursAgo(1) })).toBe(true);
    expect(await store.has(old.sha256)).toBe(false);
    expect(names(path.dirname(fileOf(root, old.sha256)))).toEqual([]);
    expect(names(path.dirname(fileOf(root, fresh.sha256)))).toEqual([fresh.sha256]);
    expect(await store.delete(old.sha256)).toBe(false); // already gone
    expect(await store.delete("not-a-sha")).toBe(false);
    expect(await store.delete(fresh.sha256)).toBe(true); // no condition
    // Stored again after deletion: a fresh copy.
    await store.put(Buffer.from("old"));
    expect((await store.get(old.sha256))!.toString()).toBe("old");
  });

  it("removes stale temporary files and puts back a blob whose deletion was interrupted", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-"));
    const store = new LocalBlobStore(root);
    const kept = await store.put(Buffer.from("kept"));
    const dir = path.dirname(fileOf(root, kept.sha256));
    const stale = `${fileOf(root, kept.sha256)}.11111111-1111-1111-1111-111111111111.tmp`;
    const writing = `${fileOf(root, kept.sha256)}.22222222-2222-2222-2222-222222222222.tmp`;
    writeFileSync(stale, "abandoned");
    utimesSync(stale, hoursAgo(30), hoursAgo(30));
    writeFileSync(writing, "in progress");
    // A delete that crashed after moving the blob aside.
    const moved = await store.put(Buffer.from("moved"));
    const aside = `${fileOf(root, moved.sha256)}.33333333-3333-3333-3333-333333333333.gc`;
    renameSync(fileOf(root, moved.sha256), aside);
    expect(await store.has(moved.sha256)).toBe(false);

    expect(await store.removeStaleTemporaryFiles(hoursAgo(24))).toBe(1);
    expect(names(dir)).toEqual([kept.sha256, path.basename(writing)].sort());
    expect((await store.get(moved.sha256))!.toString()).toBe("moved");
    expect(names(path.dirname(aside))).toEqual([moved.sha256]);
  });
});

describe("LocalBlobStore staging", () => {
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
  const incoming = (root: string) => {
    try {
      return readdirSync(path.join(root, "incoming"));
    } catch {
      return [];
    }
  };

  it("stages a stream, then stores it under its address or drops it", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-"));
    const store = new LocalBlobStore(root);
    const parts = [Buffer.from("hello "), Buffer.from("streamed "), Buffer.from("blobs")];
    const whole = Buffer.concat(parts);
    const staged = await store.stage(Readable.from(parts), whole.length);
    expect(staged).toMatchObject({ sha256: sha256Of(whole), size: whole.length });
    expect(await store.has(staged.sha256)).toBe(false); // not addressable before commit
    expect((await staged.read()).equals(whole)).toBe(true);
    await staged.commit();
    await staged.discard(); // harmless after commit
    expect((await store.get(staged.sha256))!.equals(whole)).toBe(true);
    expect(incoming(root)).toEqual([]);

    // The same bytes again: the blob is renewed, the staged copy dropped.
    const file = path.join(root, staged.sha256.slice(0, 2), staged.sha256.slice(2, 4), staged.sha256);
    utimesSync(file, hoursAgo(5), hoursAgo(5));
    const again = await store.stage(Readable.from([whole]), whole.length);
    await again.commit();
    expect(statSync(file).mtime.getTime()).toBeGreaterThan(hoursAgo(0.1).getTime());
    expect(incoming(root)).toEqual([]);

    const dropped = await store.stage(Readable.from([Buffer.from("never stored")]), 100);
    await dropped.discard();
    expect(await store.has(dropped.sha256)).toBe(false);
    expect(incoming(root)).toEqual([]);
  });

  it("fails past the limit or with its source, removing the partial file", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-"));
    const store = new LocalBlobStore(root);
    await expect(store.stage(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toBeInstanceOf(BlobTooLargeError);
    expect((await store.stage(Readable.from([Buffer.alloc(1000)]), 1000)).size).toBe(1000); // exactly the limit
    async function* broken() {
      yield Buffer.alloc(10);
      throw new Error("client went away");
    }
    await expect(store.stage(broken(), 1000)).rejects.toThrow(/went away/);
    expect(incoming(root).length).toBe(1); // only the staged, uncommitted 1000 bytes
  });

  it("removes staged files abandoned for longer than the given time", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-"));
    const store = new LocalBlobStore(root);
    await store.stage(Readable.from([Buffer.from("abandoned")]), 100);
    await store.stage(Readable.from([Buffer.from("in progress")]), 100);
    const [first] = incoming(root).sort();
    utimesSync(path.join(root, "incoming", first!), hoursAgo(30), hoursAgo(30));
    expect(await store.removeStaleTemporaryFiles(hoursAgo(24))).toBe(1);
    expect(incoming(root).length).toBe(1);
  });
});
