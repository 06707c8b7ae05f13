CREATE TABLE "blob_chunks" (
	"content_id" uuid NOT NULL,
	"idx" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "blob_chunks_content_id_idx_pk" PRIMARY KEY("content_id","idx")
);
--> statement-breakpoint
CREATE TABLE "blob_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"content_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"chunk_size" integer NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blobs_content_id_unique" UNIQUE("content_id")
);
--> statement-breakpoint
CREATE INDEX "blob_uploads_written_at_idx" ON "blob_uploads" USING btree ("written_at");--> statement-breakpoint
-- Chunks are stored uncompressed (most uploads are compressed already) and out of line, so a range read fetches only the slices it needs.
ALTER TABLE "blob_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;
