-- A loop's states are packed text (base64 inside JSON) that pglz cannot shrink: every /train/ write
-- tried and failed. Stored out of line without compression, they cost Postgres only the copy.
ALTER TABLE "loops" ALTER COLUMN "learner_state" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "loops" ALTER COLUMN "monitor_state" SET STORAGE EXTERNAL;
