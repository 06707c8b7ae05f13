CREATE TABLE "task_consensus_models" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"model" jsonb NOT NULL,
	"answers" integer NOT NULL,
	"fitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_consensus_models_workspace_id_kind_pk" PRIMARY KEY("workspace_id","kind")
);
--> statement-breakpoint
DROP INDEX "task_requests_queue_idx";--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "gold_rate" real DEFAULT 0.1 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "gold_min_accuracy" real DEFAULT 0.6 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "gold_min_answers" smallint DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "gold_correct" boolean;--> statement-breakpoint
ALTER TABLE "task_requests" ADD COLUMN "gold" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "task_requests" ADD COLUMN "consensus" jsonb;--> statement-breakpoint
ALTER TABLE "task_consensus_models" ADD CONSTRAINT "task_consensus_models_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_consensus_models_fitted_idx" ON "task_consensus_models" USING btree ("fitted_at");--> statement-breakpoint
CREATE INDEX "task_assignments_workspace_cruncher_idx" ON "task_assignments" USING btree ("workspace_id","cruncher_id","answered_at");--> statement-breakpoint
CREATE INDEX "task_requests_queue_idx" ON "task_requests" USING btree ("workspace_id","gold","created_at","id") WHERE status = 'pending' and mode = 'live';