-- A loop's states are packed text (base64 inside JSON) that pglz cannot shrink: every /train/ write
-- tried and failed. Stored out of line without compression, they cost Postgres only the copy.
ALTER TABLE "loops" ALTER COLUMN "learner_state" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "loops" ALTER COLUMN "monitor_state" SET STORAGE EXTERNAL;--> statement-breakpoint
CREATE TABLE "loop_examples" (
	"account_id" uuid NOT NULL,
	"loop_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"entries" text NOT NULL,
	CONSTRAINT "loop_examples_loop_id_version_pk" PRIMARY KEY("loop_id","version")
);
--> statement-breakpoint
ALTER TABLE "loops" ADD COLUMN "state_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "loop_examples" ADD CONSTRAINT "loop_examples_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loop_examples" ADD CONSTRAINT "loop_examples_loop_id_loops_id_fk" FOREIGN KEY ("loop_id") REFERENCES "public"."loops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every state stored so far is at its loop's version.
UPDATE "loops" SET "state_version" = "version";
