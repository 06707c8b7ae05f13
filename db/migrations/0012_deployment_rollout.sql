CREATE TABLE "deployment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"deployment_row_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_version" integer,
	"to_version" integer,
	"alias" text,
	"training_job_id" uuid,
	"reason" text,
	"actor_label" text DEFAULT 'system' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "previous_version" integer;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "rolled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "roll_failure" text;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "roll_failed_version" integer;--> statement-breakpoint
ALTER TABLE "deployment_events" ADD CONSTRAINT "deployment_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_events" ADD CONSTRAINT "deployment_events_deployment_row_id_deployments_id_fk" FOREIGN KEY ("deployment_row_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_events" ADD CONSTRAINT "deployment_events_training_job_id_training_jobs_id_fk" FOREIGN KEY ("training_job_id") REFERENCES "public"."training_jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deployment_events_deployment_idx" ON "deployment_events" USING btree ("deployment_row_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deployment_events_training_job_idx" ON "deployment_events" USING btree ("training_job_id");