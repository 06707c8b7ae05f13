CREATE TABLE "loop_predictions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"loop_id" uuid NOT NULL,
	"input" jsonb NOT NULL,
	"output" jsonb,
	"explanation" jsonb NOT NULL,
	"model_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"task_type" text,
	"input_schema" jsonb,
	"output_schema" jsonb,
	"settings" jsonb,
	"learner_state" text,
	"monitor_state" text,
	"metrics" jsonb,
	"n_seen" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"defined_at" timestamp with time zone,
	"last_trained_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "loop_predictions" ADD CONSTRAINT "loop_predictions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loop_predictions" ADD CONSTRAINT "loop_predictions_loop_id_loops_id_fk" FOREIGN KEY ("loop_id") REFERENCES "public"."loops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loops" ADD CONSTRAINT "loops_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loop_predictions_loop_idx" ON "loop_predictions" USING btree ("loop_id","id");--> statement-breakpoint
CREATE INDEX "loops_account_created_idx" ON "loops" USING btree ("account_id","created_at");