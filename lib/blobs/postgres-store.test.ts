import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { scratchDatabase } from "@/db/testing/scratch";
import { BLOB_CHUNK_BYTES, PostgresBlobStore } from "./postgres-store";
import { BlobTooLargeError, sha256Of } from "./types";

// A database of its own: the tests count every chunk row, which other files' uploads would change.
const scratch = await scratchDatabase();
const sql = postgres(scratch.url, { max: 4, onnotice: () => {} });
drizzle(sql); // configured as the app's client is (timestamps as text)
const getSql = () => sql;
afterAll(async () => {
  await sql.end();
  await scratch.drop();
});
const store = new PostgresBlobStore(getSql);
const MiB = 1024 * 1024;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

/** `size` pseudo-random bytes made piece by piece (64 KiB at a time, like a socket), never held whole. */
function generated(size: number, seed: number): { stream: () => Readable; sha256: string } {
  const piece = (i: number) => createHash("sha512").update(`${seed}:${i}`).digest();
  const pieces = function* () {
    let left = size;
    for (let i = 0; left > 0; i++) {
      const block = Buffer.alloc(Math.min(64 * 1024, left));
      for (let at = 0; at < block.length; at += 64) piece(i * 1024 + at / 64).copy(block, at);
      left -= block.length;
      yield block;
    }
  };
  const hash = createHash("sha256");
  for (const block of pieces()) hash.update(block);
  return { stream: () => Readable.from(pieces()), sha256: hash.digest("hex") };
}

/** V8's collector, exposed for this process only. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

async function drain(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function chunkRows(sql = getSql()) {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from blob_chunks`;
  return row!.count;
}

describe("PostgresBlobStore", () => {
  it("stores bytes once, reads them back, renews on a second put", async () => {
    const bytes = randomBytes(3000);
    const sha = sha256Of(bytes);
    expect(await store.has(sha)).toBe(false);
    expect(await store.get(sha)).toBeNull();
    expect(await store.open("../../etc/passwd")).toBeNull();
    const [a, b] = await Promise.all([store.put(bytes), store.put(bytes)]);
    expect(a).toEqual({ sha256: sha, size: bytes.length });
    expect(b).toEqual(a);
    expect((await store.get(sha))!.equals(bytes)).toBe(true);
    expect(await store.has(sha)).toBe(true);
    const { count } = (await getSql()<{ count: number }[]>`select count(*)::int as count from blobs b join blob_chunks c using (content_id) where b.sha256 = ${sha}`)[0]!;
    expect(count).toBe(1);

    await getSql()`update blobs set stored_at = ${hoursAgo(3).toISOString()}::timestamptz where sha256 = ${sha}`;
    await store.put(bytes);
    const listed = [];
    for await (const blob of store.list()) if (blob.sha256 === sha) listed.push(blob);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.size).toBe(bytes.length);
    expect(listed[0]!.storedAt.getTime()).toBeGreaterThan(hoursAgo(0.1).getTime());
  });

  it("streams an 80 MB upload in and out chunk by chunk, without holding it in memory", { timeout: 120_000 }, async () => {
    const size = 80 * 1000 * 1000;
    const source = generated(size, 1);
    // What stays alive, after a collection: garbage (each chunk crosses the wire as hex text) comes
    // and goes, but nothing may be kept in proportion to the size. Measured values move between 1
    // and 25 MiB with no trend (freed buffers are released by a concurrent sweeper), hence the size.
    const gc = collector();
    const live = () => {
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const baseline = live();
    const rssBefore = process.memoryUsage().rss;
    let peak = 0;
    const measured = async function* (pieces: AsyncIterable<Buffer>, every: number) {
      let n = 0;
      for await (const piece of pieces) {
        if (n++ % every === 0) peak = Math.max(peak, live() - baseline);
        yield piece;
      }
    };

    const staged = await store.stage(measured(source.stream(), 64), size); // every 4 MiB of upload
    expect(staged).toMatchObject({ sha256: source.sha256, size });
    expect(await store.has(staged.sha256)).toBe(false); // not addressable before commit
    await staged.commit();
    const blob = (await store.open(source.sha256))!;
    expect(blob.size).toBe(size);
    const { chunks } = (await getSql()<{ chunks: number }[]>`
      select count(*)::int as chunks from blob_chunks c join blobs b using (content_id) where b.sha256 = ${source.sha256}`)[0]!;
    expect(chunks).toBe(Math.ceil(size / BLOB_CHUNK_BYTES));

    const hash = createHash("sha256");
    let pieces = 0;
    let largest = 0;
    let read = 0;
    for await (const piece of measured(blob.stream(), 4)) {
      hash.update(piece);
      pieces++;
      largest = Math.max(largest, piece.length);
      read += piece.length;
    }
    expect(read).toBe(size);
    expect(hash.digest("hex")).toBe(source.sha256);
    expect(pieces).toBe(chunks); // one piece per chunk, pulled as the consumer reads
    expect(largest).toBeLessThanOrEqual(BLOB_CHUNK_BYTES);
    console.log(`80 MB through the Postgres store: live memory peak +${(peak / MiB).toFixed(1)} MiB, RSS +${((process.memoryUsage().rss - rssBefore) / MiB).toFixed(1)} MiB`);
    expect(peak).toBeLessThan(size / 2);
    expect(await store.delete(source.sha256)).toBe(true);
  });

  it("reads a range from just the chunks that cover it, across chunk boundaries", async () => {
    const small = new PostgresBlobStore(getSql, 1000); // 10 chunks of 1000 bytes, the last of 500
    const bytes = randomBytes(9500);
    const { sha256 } = await small.put(bytes);
    const blob = (await store.open(sha256))!; // any store reads it: the chunk size is the blob's own
    expect(blob.size).toBe(9500);
    for (const [start, end] of [
      [0, 0],
      [0, 999],
      [999, 1000],
      [1500, 4321],
      [2000, 2999],
      [9000, 9499],
      [9499, 9499],
      [0, 9499],
    ] as const) {
      const pieces: Buffer[] = [];
      for await (const piece of blob.stream({ start, end })) pieces.push(piece as Buffer);
      expect(Buffer.concat(pieces).equals(bytes.subarray(start, end + 1))).toBe(true);
      expect(pieces.length).toBe(Math.floor(end / 1000) - Math.floor(start / 1000) + 1);
    }
    expect(await drain(blob.stream())).toEqual(bytes);
  });

  it("stores the empty blob", async () => {
    const { sha256 } = await store.put(Buffer.alloc(0));
    expect((await store.get(sha256))!.length).toBe(0);
  });

  it("deletes only blobs last stored before the given time, with their chunks", async () => {
    const old = await store.put(randomBytes(2500));
    const fresh = await store.put(randomBytes(100));
    await getSql()`update blobs set stored_at = ${hoursAgo(2).toISOString()}::timestamptz where sha256 = ${old.sha256}`;
    const chunksBefore = await chunkRows();
    expect(await store.delete(fresh.sha256, { storedBefore: hoursAgo(1) })).toBe(false);
    expect(await store.delete(old.sha256, { storedBefore: hoursAgo(1) })).toBe(true);
    expect(await store.has(old.sha256)).toBe(false);
    expect(await chunkRows()).toBe(chunksBefore - 1);
    expect(await store.delete(old.sha256)).toBe(false);
    expect(await store.delete("not-a-sha")).toBe(false);
    expect(await store.delete(fresh.sha256)).toBe(true);
  });

  it("fails past the limit or with its source, leaving no blob and no chunk", async () => {
    const small = new PostgresBlobStore(getSql, 500);
    const chunksBefore = await chunkRows();
    const over = [randomBytes(600), randomBytes(600)];
    await expect(small.stage(Readable.from(over), 1000)).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await store.has(sha256Of(Buffer.concat(over)))).toBe(false);
    async function* broken() {
      yield randomBytes(1200); // two chunks written before the client goes away
      throw new Error("client went away");
    }
    await expect(small.stage(broken(), 10_000)).rejects.toThrow(/went away/);
    expect(await chunkRows()).toBe(chunksBefore);
    const { count } = (await getSql()<{ count: number }[]>`select count(*)::int as count from blob_uploads where written_at > ${hoursAgo(0.1).toISOString()}::timestamptz`)[0]!;
    expect(count).toBe(0);
    expect((await small.stage(Readable.from([Buffer.alloc(1000)]), 1000)).size).toBe(1000); // exactly the limit
  });

  it("stages, then stores under the address or drops; read() gives the staged bytes", async () => {
    const bytes = randomBytes(2600);
    const small = new PostgresBlobStore(getSql, 1000);
    const staged = await small.stage(Readable.from([bytes.subarray(0, 700), bytes.subarray(700)]), 5000);
    expect((await staged.read()).equals(bytes)).toBe(true);
    expect(await store.has(staged.sha256)).toBe(false);
    await staged.commit();
    await staged.discard(); // harmless after commit
    expect((await store.get(staged.sha256))!.equals(bytes)).toBe(true);

    const chunksBefore = await chunkRows();
    const again = await small.stage(Readable.from([bytes]), 5000);
    await again.commit(); // the same bytes: the blob renewed, the second copy's chunks deleted
    expect(await chunkRows()).toBe(chunksBefore);
    const dropped = await small.stage(Readable.from([randomBytes(10)]), 100);
    await dropped.discard();
    expect(await store.has(dropped.sha256)).toBe(false);
    expect(await chunkRows()).toBe(chunksBefore);
  });

  it("collects abandoned writes and chunks no blob or write names", async () => {
    const small = new PostgresBlobStore(getSql, 100);
    const abandoned = await small.stage(Readable.from([randomBytes(250)]), 1000); // a crash before commit
    const inProgress = await small.stage(Readable.from([randomBytes(50)]), 1000);
    const orphan = "00000000-0000-4000-8000-000000000001";
    await getSql()`insert into blob_chunks (content_id, idx, data) values (${orphan}, 0, ${Buffer.from("x")})`;
    const { id } = (await getSql()<{ id: string }[]>`
      update blob_uploads set written_at = ${hoursAgo(30).toISOString()}::timestamptz
      where id = (select content_id from blob_chunks where content_id in (select id from blob_uploads) group by content_id having count(*) = 3)
      returning id`)[0]!;
    expect(await small.removeStaleTemporaryFiles(hoursAgo(24))).toBe(2);
    const left = await getSql()<{ contentId: string }[]>`select distinct content_id as "contentId" from blob_chunks where content_id in (${id}, ${orphan})`;
    expect(left).toEqual([]);
    await expect(abandoned.commit()).rejects.toThrow(/collected/);
    await inProgress.commit();
    expect(await store.has(inProgress.sha256)).toBe(true);
  });
});

describe("two servers writing the same bytes at once", () => {
  const other = postgres(scratch.url, { max: 2, onnotice: () => {} });
  drizzle(other);
  afterAll(() => other.end());

  it("end with one blob and no stray chunks", async () => {
    const first = new PostgresBlobStore(getSql, 1000);
    const second = new PostgresBlobStore(() => other, 1000);
    const bytes = randomBytes(5500);
    const chunksBefore = await chunkRows();
    for (let round = 0; round < 5; round++) {
      const content = Buffer.concat([bytes, Buffer.from([round])]);
      const [a, b] = await Promise.all([first.stage(Readable.from([content]), 10_000), second.stage(Readable.from([content]), 10_000)]);
      await Promise.all([a.commit(), b.commit()]);
      expect((await second.get(a.sha256))!.equals(content)).toBe(true);
      const { count } = (await other<{ count: number }[]>`select count(*)::int as count from blobs where sha256 = ${a.sha256}`)[0]!;
      expect(count).toBe(1);
    }
    expect(await chunkRows()).toBe(chunksBefore + 5 * 6);
  });

  it("a collection racing a put of the same bytes never loses them", async () => {
    const first = new PostgresBlobStore(getSql, 1000);
    const second = new PostgresBlobStore(() => other, 1000);
    for (let round = 0; round < 5; round++) {
      const bytes = randomBytes(2100);
      const { sha256 } = await first.put(bytes);
      await getSql()`update blobs set stored_at = ${hoursAgo(2).toISOString()}::timestamptz where sha256 = ${sha256}`;
      const [, deleted] = await Promise.all([second.put(bytes), first.delete(sha256, { storedBefore: hoursAgo(1) })]);
      // Whichever went first, the bytes are stored after the put returns.
      expect((await first.get(sha256))!.equals(bytes)).toBe(true);
      expect(typeof deleted).toBe("boolean");
    }
  });
});
