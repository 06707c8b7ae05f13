import { bigint, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * The blob store (lib/blobs/postgres-store.ts): a blob is addressed by the SHA-256 of its bytes and
 * names the content (its chunks) that holds them. Not account-scoped: equal bytes are shared by every
 * file that has them, and model_files / task_files rows (scoped) say who may read them.
 */
export const blobs = pgTable("blobs", {
  sha256: text().primaryKey(),
  /** The chunks' key: the id the bytes were written under before their hash was known. */
  contentId: uuid().notNull().unique("blobs_content_id_unique"),
  size: bigint({ mode: "number" }).notNull(),
  /** Every chunk but the last holds exactly this many bytes, so a range maps to its chunks. */
  chunkSize: integer().notNull(),
  /** The last time these bytes were stored (a put of bytes already there renews it); see lib/blobs/gc.ts. */
  storedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Writes in progress: chunks under this id are no blob until the write commits (or are collected). */
export const blobUploads = pgTable(
  "blob_uploads",
  {
    id: uuid().primaryKey(),
    writtenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("blob_uploads_written_at_idx").on(t.writtenAt)],
);

/** A blob's (or a write in progress's) bytes, in order, at most 1 MiB each. */
export const blobChunks = pgTable(
  "blob_chunks",
  {
    contentId: uuid().notNull(),
    idx: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.idx] })],
);
