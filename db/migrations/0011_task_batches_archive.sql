CREATE TABLE "task_batches" (
	"workspace_id" uuid NOT NULL,
	"mode" "api_key_mode" NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_batches_workspace_id_mode_name_pk" PRIMARY KEY("workspace_id","mode","name")
);
--> statement-breakpoint
ALTER TABLE "task_requests" ADD COLUMN "batch" text;--> statement-breakpoint
ALTER TABLE "task_requests" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task_batches" ADD CONSTRAINT "task_batches_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_batches_list_idx" ON "task_batches" USING btree ("workspace_id","mode","created_at" DESC NULLS LAST,"name" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "task_requests_batch_idx" ON "task_requests" USING btree ("workspace_id","mode","batch","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE batch is not null;