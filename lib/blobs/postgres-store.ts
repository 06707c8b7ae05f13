import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Sql } from "@/db/client";
import { BlobTooLargeError, SHA256, sha256Of, type BlobInfo, type BlobStore, type ByteRange, type OpenedBlob, type StagedBlob } from "./types";

/** Bytes per chunk row: big enough that a 200 MiB model is 200 rows, small enough to hold one in memory per stream. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;
const LIST_PAGE = 500;

/*
 * The default backend: blobs in Postgres (tables blobs, blob_uploads, blob_chunks), so every app
 * server sees the same bytes.
 *
 * Why bytes are written under a random content id, not their hash: the hash is known only after the
 * last byte, and nothing is buffered until then. Each chunk is inserted (and committed) as it fills,
 * under an id registered in blob_uploads; the commit then, in one transaction, drops that
 * registration and inserts the blobs row naming the content — or, when the same bytes are already
 * stored (another upload, another server, at the same moment), renews that row and deletes its own
 * chunks. So the address appears atomically with all its bytes, concurrent writers of the same bytes
 * end with one blob (the unique sha256 serialises them), and a write that is abandoned (an aborted
 * client, a crash) leaves chunks no blob names, which removeStaleTemporaryFiles collects.
 */
// Dates go in as ISO text and come back as text: the app's client is Drizzle's, which hands
// timestamps through unconverted.
export class PostgresBlobStore implements BlobStore {
  constructor(
    private readonly sql: () => Sql,
    private readonly chunkSize = BLOB_CHUNK_BYTES,
  ) {}

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    if (!(await this.renew(sha256))) await (await this.stage(Readable.from([bytes]), Infinity)).commit();
    return { sha256, size: bytes.length };
  }

  /** Marks a stored blob as stored now; false when there is none. */
  private async renew(sha256: string): Promise<boolean> {
    const rows = await this.sql()`update blobs set stored_at = now() where sha256 = ${sha256} returning 1`;
    return rows.length > 0;
  }

  async stage(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StagedBlob> {
    const sql = this.sql();
    const id = randomUUID();
    await sql`insert into blob_uploads (id) values (${id})`;
    const hash = createHash("sha256");
    let size = 0;
    let index = 0;
    let chunk = Buffer.allocUnsafe(this.chunkSize);
    let filled = 0;
    const flush = async () => {
      const data = filled === chunk.length ? chunk : chunk.subarray(0, filled);
      // Touching the registration keeps a slow upload from looking abandoned.
      await sql`
        with touched as (update blob_uploads set written_at = now() where id = ${id})
        insert into blob_chunks (content_id, idx, data) values (${id}, ${index}, ${data})`;
      index++;
      chunk = Buffer.allocUnsafe(this.chunkSize);
      filled = 0;
    };
    try {
      for await (const piece of source) {
        size += piece.length;
        if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
        hash.update(piece);
        for (let offset = 0; offset < piece.length; ) {
          const n = Math.min(piece.length - offset, chunk.length - filled);
          chunk.set(piece.subarray(offset, offset + n), filled);
          filled += n;
          offset += n;
          if (filled === chunk.length) await flush();
        }
      }
      if (filled) await flush();
    } catch (error) {
      await this.dropContent(id).catch(() => {}); // else the sweep collects it
      throw error;
    }
    const sha256 = hash.digest("hex");
    const chunkSize = this.chunkSize;
    let settled = false;
    return {
      sha256,
      size,
      read: async () => {
        const rows = await sql<{ data: Buffer }[]>`select data from blob_chunks where content_id = ${id} order by idx`;
        return Buffer.concat(rows.map((row) => row.data));
      },
      commit: async () => {
        if (settled) return;
        await sql.begin(async (tx) => {
          const registered = await tx`delete from blob_uploads where id = ${id} returning 1`;
          if (!registered.length) throw new Error("the staged blob was collected as abandoned before it was stored");
          const [row] = await tx<{ contentId: string }[]>`
            insert into blobs (sha256, content_id, size, chunk_size) values (${sha256}, ${id}, ${size}, ${chunkSize})
            on conflict (sha256) do update set stored_at = now()
            returning content_id as "contentId"`;
          if (row!.contentId !== id) await tx`delete from blob_chunks where content_id = ${id}`;
        });
        settled = true;
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await this.dropContent(id).catch(() => {});
      },
    };
  }

  /**
   * Removes a write in progress: its chunks and its registration. Never the chunks of a blob: a
   * commit whose answer was lost (the connection failed after it) may have stored them after all.
   */
  private async dropContent(id: string): Promise<void> {
    await this.sql().begin(async (tx) => {
      await tx`delete from blob_chunks where content_id = ${id} and not exists (select 1 from blobs where content_id = ${id})`;
      await tx`delete from blob_uploads where id = ${id}`;
    });
  }

  async open(sha256: string): Promise<OpenedBlob | null> {
    if (!SHA256.test(sha256)) return null;
    const sql = this.sql();
    const [row] = await sql<{ contentId: string; size: string; chunkSize: number }[]>`
      select content_id as "contentId", size, chunk_size as "chunkSize" from blobs where sha256 = ${sha256}`;
    if (!row) return null;
    const size = Number(row.size);
    return {
      size,
      stream: (range?: ByteRange) => Readable.from(readChunks(sql, row.contentId, row.chunkSize, range ?? { start: 0, end: size - 1 }), { objectMode: false }),
    };
  }

  async get(sha256: string): Promise<Buffer | null> {
    const blob = await this.open(sha256);
    if (!blob) return null;
    const parts: Buffer[] = [];
    for await (const part of blob.stream()) parts.push(part as Buffer);
    return Buffer.concat(parts);
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    return (await this.sql()`select 1 from blobs where sha256 = ${sha256}`).length > 0;
  }

  async *list(): AsyncIterable<BlobInfo> {
    // Pages by address, so no connection is held while the caller works between pages.
    let after = "";
    for (;;) {
      const rows = await this.sql()<{ sha256: string; size: string; storedAt: string }[]>`
        select sha256, size, stored_at as "storedAt" from blobs where sha256 > ${after} order by sha256 limit ${LIST_PAGE}`;
      for (const row of rows) yield { sha256: row.sha256, size: Number(row.size), storedAt: new Date(row.storedAt) };
      if (rows.length < LIST_PAGE) return;
      after = rows[rows.length - 1]!.sha256;
    }
  }

  async delete(sha256: string, options: { storedBefore?: Date } = {}): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    // A put renewing the blob meanwhile either commits first (the delete's condition then fails on
    // the renewed row) or waits for the delete and stores a fresh copy.
    return this.sql().begin(async (tx) => {
      const [row] = options.storedBefore
        ? await tx<{ contentId: string }[]>`delete from blobs where sha256 = ${sha256} and stored_at < ${options.storedBefore.toISOString()}::timestamptz returning content_id as "contentId"`
        : await tx<{ contentId: string }[]>`delete from blobs where sha256 = ${sha256} returning content_id as "contentId"`;
      if (!row) return false;
      await tx`delete from blob_chunks where content_id = ${row.contentId}`;
      return true;
    });
  }

  async removeStaleTemporaryFiles(writtenBefore: Date): Promise<number> {
    const sql = this.sql();
    const [uploads] = await sql<{ count: number }[]>`
      with gone as (delete from blob_uploads where written_at < ${writtenBefore.toISOString()}::timestamptz returning id),
           chunks as (delete from blob_chunks where content_id in (select id from gone) returning 1)
      select count(*)::int as count from gone`;
    // Chunks that neither a blob nor a write in progress names (a write whose clean-up failed). A
    // write registers before its first chunk and a commit swaps registration for blob in one
    // transaction, so no chunk of a live write is ever without one of the two.
    const orphans = await sql<{ contentId: string }[]>`
      delete from blob_chunks c
      where not exists (select 1 from blobs b where b.content_id = c.content_id)
        and not exists (select 1 from blob_uploads u where u.id = c.content_id)
      returning content_id as "contentId"`;
    return uploads!.count + new Set(orphans.map((row) => row.contentId)).size;
  }
}

/** The chunks covering the range, one query each, trimmed to it (only the needed slice is fetched). */
async function* readChunks(sql: Sql, contentId: string, chunkSize: number, range: ByteRange): AsyncGenerator<Buffer> {
  if (range.end < range.start) return;
  for (let index = Math.floor(range.start / chunkSize); index <= Math.floor(range.end / chunkSize); index++) {
    const base = index * chunkSize;
    const from = Math.max(range.start, base) - base;
    const length = Math.min(range.end, base + chunkSize - 1) - base - from + 1;
    const [row] = await sql<{ data: Buffer }[]>`
      select substring(data from ${from + 1} for ${length}) as data from blob_chunks where content_id = ${contentId} and idx = ${index}`;
    if (!row) throw new Error("the blob was removed while it was read");
    yield row.data;
  }
}
